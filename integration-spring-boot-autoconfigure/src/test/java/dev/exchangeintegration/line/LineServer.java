package dev.exchangeintegration.line;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/**
 * A line server on loopback, for one client at a time: records the lines it receives and
 * sends lines to the connected client.
 */
class LineServer implements AutoCloseable {

	private final ServerSocket server;

	private final List<String> received = new CopyOnWriteArrayList<>();

	private final AtomicReference<Socket> client = new AtomicReference<>();

	private final Thread acceptor;

	LineServer() throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.acceptor = new Thread(this::accept, "line-server");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				this.client.set(socket);
				BufferedReader reader = new BufferedReader(
						new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					this.received.add(line);
				}
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	List<String> awaitReceived(int count) {
		await().atMost(Duration.ofSeconds(10)).until(() -> this.received.size() >= count);
		return this.received;
	}

	void send(String... lines) {
		await().atMost(Duration.ofSeconds(10)).until(() -> this.client.get() != null);
		try {
			OutputStream out = this.client.get().getOutputStream();
			for (String line : lines) {
				out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
			}
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		Socket socket = this.client.get();
		if (socket != null) {
			socket.close();
		}
	}

}
