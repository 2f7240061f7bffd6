package dev.exchangeintegration.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on 127.0.0.1 that forwards every connection to a target port, and that a
 * test can take down (refusing connections and cutting those open) and bring back up on
 * the same port, as an outage of what is behind it.
 */
public final class TcpProxy implements AutoCloseable {

	private final int port;

	private volatile int target;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile ServerSocket server;

	/**
	 * Create a proxy on a free port, not yet accepting.
	 * @throws IOException if no port is free
	 */
	public TcpProxy() throws IOException {
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			this.port = probe.getLocalPort();
		}
	}

	/**
	 * Return the port the proxy listens on.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Start accepting connections.
	 * @param target the port to forward to, on 127.0.0.1
	 * @throws IOException if the port cannot be bound
	 */
	public synchronized void start(int target) throws IOException {
		this.target = target;
		ServerSocket server = new ServerSocket();
		server.setReuseAddress(true);
		server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port));
		this.server = server;
		Thread acceptor = new Thread(() -> accept(server), "tcp-proxy-" + this.port);
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/**
	 * Refuse new connections and cut those open.
	 */
	public synchronized void stop() {
		closeQuietly(this.server);
		for (Socket socket : this.sockets) {
			closeQuietly(socket);
		}
		this.sockets.clear();
	}

	private void accept(ServerSocket server) {
		while (!server.isClosed()) {
			try {
				Socket client = server.accept();
				Socket upstream = new Socket(InetAddress.getLoopbackAddress(), this.target);
				this.sockets.add(client);
				this.sockets.add(upstream);
				pump(client, upstream);
				pump(upstream, client);
			}
			catch (IOException ex) {
				// closed by stop(), or the target refused: the client sees its connection
				// fail
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16384];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					out.write(buffer, 0, read);
				}
			}
			catch (IOException ex) {
				// cut
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "tcp-proxy-pump-" + this.port);
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			if (closeable != null) {
				closeable.close();
			}
		}
		catch (Exception ex) {
			// closing
		}
	}

	@Override
	public void close() {
		stop();
	}

}
