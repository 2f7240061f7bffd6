package dev.exchangeintegration.replay;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import dev.exchangeintegration.core.FrameType;

/**
 * Writes a capture in this library's own format, version 1 (see
 * {@link CaptureFormat#NATIVE}):
 *
 * <pre>
 * #exchange-integration-capture v1 binance-futures
 * 1626992741062170 &gt; t 63
 * {"method":"SUBSCRIBE","params":["btcusdt&#64;aggTrade"],"id":1}
 * 1626992741081672 &lt; t 24
 * {"result":null,"id":1}
 * </pre>
 *
 * Each frame is a line with its time in microseconds since the epoch, its direction
 * ({@code <} received, {@code >} sent), its type ({@code t} text, {@code b} binary) and
 * its payload's length in bytes, then the payload exactly as it was, then a newline. Text
 * stays readable and the payload needs no escaping, so that any frame, binary or not,
 * replays byte for byte. Not thread-safe; buffer the stream it writes to.
 */
public final class CaptureWriter implements Closeable, Flushable {

	private final OutputStream out;

	private final byte[] line = new byte[64];

	private long size;

	private CaptureWriter(OutputStream out) {
		this.out = out;
	}

	/**
	 * Start a capture: write its header.
	 * @param out the stream to write to, closed by {@link #close()}
	 * @param source what the capture is recorded from, such as the exchange's name; one
	 * line
	 * @return the writer
	 * @throws IOException if the header cannot be written
	 */
	public static CaptureWriter create(OutputStream out, String source) throws IOException {
		CaptureWriter writer = new CaptureWriter(out);
		String header = CaptureReader.NATIVE_HEADER + CaptureReader.NATIVE_VERSION + " "
				+ source.replace('\n', ' ').replace('\r', ' ') + "\n";
		byte[] bytes = header.getBytes(StandardCharsets.UTF_8);
		out.write(bytes);
		writer.size = bytes.length;
		return writer;
	}

	/**
	 * Continue a capture: write frames after those of an existing capture, with no
	 * header, such as to a file opened for appending.
	 * @param out the stream to write to, closed by {@link #close()}
	 * @return the writer
	 */
	public static CaptureWriter append(OutputStream out) {
		return new CaptureWriter(out);
	}

	/**
	 * Write a frame.
	 * @param epochMicros when it was received or sent, in microseconds since the epoch
	 * @param sent whether the client sent it
	 * @param type its type
	 * @param payload the array holding its payload
	 * @param offset where the payload starts
	 * @param length the payload's size in bytes
	 * @throws IOException if it cannot be written
	 */
	public void write(long epochMicros, boolean sent, FrameType type, byte[] payload, int offset, int length)
			throws IOException {
		int end = this.line.length;
		this.line[--end] = '\n';
		end = digits(length, end);
		this.line[--end] = ' ';
		this.line[--end] = (byte) ((type == FrameType.TEXT) ? 't' : 'b');
		this.line[--end] = ' ';
		this.line[--end] = (byte) (sent ? '>' : '<');
		this.line[--end] = ' ';
		end = digits(epochMicros, end);
		this.out.write(this.line, end, this.line.length - end);
		this.out.write(payload, offset, length);
		this.out.write('\n');
		this.size += (this.line.length - end) + length + 1;
	}

	/**
	 * Write a frame.
	 * @param frame the frame
	 * @throws IOException if it cannot be written
	 */
	public void write(CapturedFrame frame) throws IOException {
		write(frame.epochMicros(), frame.sent(), frame.type(), frame.payload(), 0, frame.payload().length);
	}

	/**
	 * Return the number of bytes this writer has written so far, header included, before
	 * any compression the stream applies.
	 * @return the size in bytes
	 */
	public long size() {
		return this.size;
	}

	private int digits(long value, int end) {
		long rest = Math.max(value, 0);
		do {
			this.line[--end] = (byte) ('0' + (rest % 10));
			rest /= 10;
		}
		while (rest > 0);
		return end;
	}

	@Override
	public void flush() throws IOException {
		this.out.flush();
	}

	@Override
	public void close() throws IOException {
		this.out.close();
	}

}
