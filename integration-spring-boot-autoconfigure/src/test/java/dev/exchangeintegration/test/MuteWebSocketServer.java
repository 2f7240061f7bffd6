package dev.exchangeintegration.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WebSocket server on 127.0.0.1 that completes the opening handshake of one connection
 * by hand and then ignores everything, Close frames included, until the client drops the
 * TCP connection: an exchange whose side of the connection is half-dead.
 */
public final class MuteWebSocketServer implements AutoCloseable {

	private static final Pattern KEY = Pattern.compile("(?im)^Sec-WebSocket-Key:\\s*(\\S+)\\s*$");

	private final ServerSocket server;

	private final CountDownLatch opened = new CountDownLatch(1);

	private final CountDownLatch dropped = new CountDownLatch(1);

	private final Thread acceptor;

	public MuteWebSocketServer() throws IOException {
		this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
		this.acceptor = new Thread(this::serve, "mute-websocket-server");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	public String url() {
		return "ws://127.0.0.1:" + this.server.getLocalPort() + "/ws";
	}

	/**
	 * Wait until a client has completed the handshake.
	 */
	public boolean awaitOpened() throws InterruptedException {
		return this.opened.await(10, TimeUnit.SECONDS);
	}

	/**
	 * Return whether the client dropped the TCP connection, waiting at most 10 s.
	 */
	public boolean awaitDropped() throws InterruptedException {
		return this.dropped.await(10, TimeUnit.SECONDS);
	}

	private void serve() {
		try (Socket socket = this.server.accept()) {
			InputStream in = socket.getInputStream();
			String request = readHeaders(in);
			Matcher key = KEY.matcher(request);
			if (!key.find()) {
				return;
			}
			socket.getOutputStream()
				.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
						+ "Sec-WebSocket-Accept: " + accept(key.group(1)) + "\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			this.opened.countDown();
			byte[] ignored = new byte[1024];
			while (in.read(ignored) != -1) {
				// ignore every frame, Close included
			}
			this.dropped.countDown();
		}
		catch (IOException ex) {
			this.dropped.countDown();
		}
	}

	private static String readHeaders(InputStream in) throws IOException {
		ByteArrayOutputStream headers = new ByteArrayOutputStream();
		int matched = 0;
		byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
		while (matched < end.length) {
			int b = in.read();
			if (b == -1) {
				break;
			}
			headers.write(b);
			matched = (b == end[matched]) ? matched + 1 : ((b == end[0]) ? 1 : 0);
		}
		return headers.toString(StandardCharsets.US_ASCII);
	}

	private static String accept(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1")
				.digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

}
