package dev.exchangeintegration.benchmark;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A FIX 4.4 venue on 127.0.0.1 that costs its clients as little CPU as it can: one client
 * at a time, it answers the Logon, waits for the MarketDataRequest, then writes
 * {@code messages} MarketDataIncrementalRefresh messages, encoded beforehand, as fast as
 * the socket takes them; message {@code i} carries {@code i} as its MDReqID(262), so the
 * client can check that none is lost or reordered. It answers a Logout with a Logout.
 */
final class FixFloodVenue implements AutoCloseable {

	private static final char SOH = '\u0001';

	private static final DateTimeFormatter SENDING_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss.SSS");

	private final ServerSocket server;

	private final int messages;

	private final Thread thread;

	FixFloodVenue(int messages) throws IOException {
		this.messages = messages;
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.thread = new Thread(this::serve, "fix-flood-venue");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	private void serve() {
		while (!this.server.isClosed()) {
			try (Socket socket = this.server.accept()) {
				socket.setTcpNoDelay(true);
				session(socket.getInputStream(), new BufferedOutputStream(socket.getOutputStream(), 1 << 16));
			}
			catch (IOException ex) {
				// the client went away, or the venue is closing
			}
		}
	}

	private void session(InputStream in, OutputStream out) throws IOException {
		String logon = read(in);
		String client = field(logon, "49");
		write(out, message(client, 1, "A", "98=0" + SOH + "108=30" + SOH + "141=Y" + SOH));
		// encoded after the Logon is answered, so that a slow encoding never times the
		// Logon
		// out; contenders are timed from their first refresh
		byte[] flood = flood(client);
		for (String message = read(in); message != null; message = read(in)) {
			String type = field(message, "35");
			if ("V".equals(type)) {
				out.write(flood);
				out.flush();
			}
			else if ("5".equals(type)) {
				write(out, message(client, this.messages + 2, "5", ""));
				return;
			}
		}
	}

	private byte[] flood(String client) {
		ByteArrayOutputStream all = new ByteArrayOutputStream(this.messages * 160);
		for (int i = 1; i <= this.messages; i++) {
			String body = "262=" + i + SOH + "268=1" + SOH + "279=0" + SOH + "269=2" + SOH + "55=BTCUSDT" + SOH
					+ "270=30000.5" + SOH + "271=0.25" + SOH;
			all.writeBytes(message(client, i + 1, "X", body));
		}
		return all.toByteArray();
	}

	private static byte[] message(String client, int seq, String type, String body) {
		String fields = "35=" + type + SOH + "34=" + seq + SOH + "49=VENUE" + SOH + "52="
				+ LocalDateTime.now(ZoneOffset.UTC).format(SENDING_TIME) + SOH + "56=" + client + SOH + body;
		String head = "8=FIX.4.4" + SOH + "9=" + fields.length() + SOH + fields;
		int sum = 0;
		for (int i = 0; i < head.length(); i++) {
			sum += head.charAt(i);
		}
		return (head + "10=" + String.format("%03d", sum % 256) + SOH).getBytes(StandardCharsets.US_ASCII);
	}

	private static void write(OutputStream out, byte[] message) throws IOException {
		out.write(message);
		out.flush();
	}

	/**
	 * Read one message, up to and with its CheckSum field; {@code null} at the end of the
	 * stream.
	 */
	private static String read(InputStream in) throws IOException {
		StringBuilder message = new StringBuilder();
		for (int b = in.read(); b != -1; b = in.read()) {
			message.append((char) b);
			int length = message.length();
			if (b == SOH && length >= 8 && message.charAt(length - 8) == SOH && message.charAt(length - 7) == '1'
					&& message.charAt(length - 6) == '0' && message.charAt(length - 5) == '=') {
				return message.toString();
			}
		}
		return null;
	}

	private static String field(String message, String tag) {
		String prefix = SOH + tag + "=";
		int start = message.indexOf(prefix);
		if (start < 0) {
			return "";
		}
		start += prefix.length();
		return message.substring(start, message.indexOf(SOH, start));
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

}
