package dev.exchangeintegration.replay;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

import dev.exchangeintegration.core.Frame;
import dev.exchangeintegration.core.FrameType;

/**
 * Reads a capture frame by frame, in this library's own format or in cryptofeed's raw
 * capture format (see {@link CaptureFormat}), told apart by the first line; a gzipped
 * capture is recognised by its first bytes and decompressed.
 * <p>
 * The reader reuses its memory: the current frame's payload ({@link #array()},
 * {@link #frame()}) is valid until the next call to {@link #next()}. It copies nothing
 * per frame, so that a replay can feed millions of frames per second. For a small
 * capture, {@link #readAll(Path)} returns copies of every frame.
 *
 * <pre class="code">
 * try (CaptureReader capture = CaptureReader.open(path)) {
 *     while (capture.next()) {
 *         if (!capture.sent()) {
 *             handle(capture.frame());
 *         }
 *     }
 * }
 * </pre>
 */
public final class CaptureReader implements Closeable {

	static final String NATIVE_HEADER = "#exchange-integration-capture v";

	static final int NATIVE_VERSION = 1;

	private static final String CRYPTOFEED_HEADER_SEPARATOR = " <-> ";

	private static final int INITIAL_BUFFER = 64 * 1024;

	private final InputStream in;

	private final String name;

	private final CaptureFormat format;

	private final String source;

	private final ReaderFrame frame = new ReaderFrame();

	private byte[] buffer = new byte[INITIAL_BUFFER];

	private int position;

	private int limit;

	private boolean eof;

	private long line;

	private long epochMicros;

	private boolean sent;

	private FrameType type = FrameType.TEXT;

	private int payloadOffset;

	private int payloadLength;

	private CaptureReader(InputStream in, String name) throws IOException {
		this.in = in;
		this.name = name;
		String header = readHeader();
		if (header.startsWith(NATIVE_HEADER)) {
			this.format = CaptureFormat.NATIVE;
			this.source = nativeSource(header);
		}
		else if (header.contains(CRYPTOFEED_HEADER_SEPARATOR)) {
			this.format = CaptureFormat.CRYPTOFEED;
			this.source = header.substring(0, header.indexOf(CRYPTOFEED_HEADER_SEPARATOR));
		}
		else {
			throw new IOException("Capture " + name + " is in no known format: its first line must be '" + NATIVE_HEADER
					+ NATIVE_VERSION + " SOURCE' (this library's) or 'URL <-> TIME' (cryptofeed's)");
		}
	}

	/**
	 * Open a capture file.
	 * @param path the file, possibly gzipped
	 * @return a reader positioned before the first frame
	 * @throws IOException if the file cannot be read or is not a capture
	 */
	public static CaptureReader open(Path path) throws IOException {
		InputStream in = Files.newInputStream(path);
		try {
			return of(in, path.toString());
		}
		catch (IOException | RuntimeException ex) {
			in.close();
			throw ex;
		}
	}

	/**
	 * Read a capture from a stream, which the reader closes.
	 * @param in the stream, possibly gzipped
	 * @param name the capture's name, for error messages
	 * @return a reader positioned before the first frame
	 * @throws IOException if the stream cannot be read or is not a capture
	 */
	public static CaptureReader of(InputStream in, String name) throws IOException {
		BufferedInputStream buffered = new BufferedInputStream(in, 2);
		buffered.mark(2);
		int first = buffered.read();
		int second = buffered.read();
		buffered.reset();
		InputStream content = (first == 0x1f && second == 0x8b) ? new GZIPInputStream(buffered, INITIAL_BUFFER)
				: buffered;
		return new CaptureReader(content, name);
	}

	/**
	 * Return copies of every frame of a capture file.
	 * @param path the file
	 * @return the frames, in order
	 * @throws IOException if the file cannot be read or is not a capture
	 */
	public static List<CapturedFrame> readAll(Path path) throws IOException {
		try (CaptureReader reader = open(path)) {
			return reader.readAll();
		}
	}

	/**
	 * Return copies of the frames not yet read.
	 * @return the frames, in order
	 * @throws IOException if the capture cannot be read or is malformed
	 */
	public List<CapturedFrame> readAll() throws IOException {
		List<CapturedFrame> frames = new ArrayList<>();
		while (next()) {
			frames.add(new CapturedFrame(this.epochMicros, this.sent, this.type, payload()));
		}
		return frames;
	}

	/**
	 * Return the capture's format.
	 * @return the format
	 */
	public CaptureFormat format() {
		return this.format;
	}

	/**
	 * Return what the capture was recorded from: the exchange's name for this library's
	 * format, the stream URL for cryptofeed's.
	 * @return the source
	 */
	public String source() {
		return this.source;
	}

	/**
	 * Move to the next frame.
	 * @return whether there is one
	 * @throws IOException if the capture cannot be read or is malformed, naming the line
	 */
	public boolean next() throws IOException {
		return (this.format == CaptureFormat.NATIVE) ? nextNative() : nextCryptofeed();
	}

	/**
	 * Return when the current frame was received (or sent).
	 * @return microseconds since the epoch
	 */
	public long epochMicros() {
		return this.epochMicros;
	}

	/**
	 * Return whether the client sent the current frame; cryptofeed's captures hold
	 * received frames only.
	 * @return whether it was sent
	 */
	public boolean sent() {
		return this.sent;
	}

	/**
	 * Return the type of the current frame.
	 * @return the frame type
	 */
	public FrameType type() {
		return this.type;
	}

	/**
	 * Return the array that holds the current payload, from {@link #offset()} for
	 * {@link #length()} bytes; valid until {@link #next()}, not to be modified.
	 * @return the array
	 */
	public byte[] array() {
		return this.buffer;
	}

	/**
	 * Return where the current payload starts in {@link #array()}.
	 * @return the offset
	 */
	public int offset() {
		return this.payloadOffset;
	}

	/**
	 * Return the size of the current payload in bytes.
	 * @return the length
	 */
	public int length() {
		return this.payloadLength;
	}

	/**
	 * Return a copy of the current payload.
	 * @return the payload bytes
	 */
	public byte[] payload() {
		return Arrays.copyOfRange(this.buffer, this.payloadOffset, this.payloadOffset + this.payloadLength);
	}

	/**
	 * Return the current frame as a {@link Frame}, valid until {@link #next()}. The same
	 * instance is returned for every frame.
	 * @return the frame
	 */
	public Frame frame() {
		return this.frame;
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

	private String readHeader() throws IOException {
		int end = findLineEnd();
		if (end < 0) {
			throw new IOException("Capture " + this.name + " is empty");
		}
		String header = new String(this.buffer, this.position, end - this.position, StandardCharsets.UTF_8);
		this.position = end + 1;
		this.line = 1;
		return header.endsWith("\r") ? header.substring(0, header.length() - 1) : header;
	}

	private String nativeSource(String header) throws IOException {
		String rest = header.substring(NATIVE_HEADER.length());
		int space = rest.indexOf(' ');
		String version = (space < 0) ? rest : rest.substring(0, space);
		if (!String.valueOf(NATIVE_VERSION).equals(version)) {
			throw new IOException("Capture " + this.name + " is in version " + version
					+ " of this library's format, and this reader reads version " + NATIVE_VERSION);
		}
		return (space < 0) ? "" : rest.substring(space + 1);
	}

	private boolean nextNative() throws IOException {
		int end = findLineEnd();
		if (end < 0) {
			return false;
		}
		this.line++;
		// EPOCH_MICROS DIRECTION TYPE LENGTH
		int i = this.position;
		long micros = 0;
		int digits = 0;
		byte[] b = this.buffer;
		while (i < end && b[i] >= '0' && b[i] <= '9') {
			micros = micros * 10 + (b[i++] - '0');
			digits++;
		}
		if (digits == 0 || end - i < 6 || b[i] != ' ' || b[i + 2] != ' ' || b[i + 4] != ' ') {
			throw malformed("is not 'EPOCH_MICROS DIRECTION TYPE LENGTH'");
		}
		byte direction = b[i + 1];
		byte kind = b[i + 3];
		if ((direction != '<' && direction != '>') || (kind != 't' && kind != 'b')) {
			throw malformed("has direction '" + (char) direction + "' and type '" + (char) kind
					+ "': expected '<' or '>', and 't' or 'b'");
		}
		long length = 0;
		int lengthDigits = 0;
		for (i = i + 5; i < end && b[i] >= '0' && b[i] <= '9'; i++) {
			length = length * 10 + (b[i] - '0');
			lengthDigits++;
			if (length > Integer.MAX_VALUE - 16) {
				throw malformed("has a payload length above 2 GB");
			}
		}
		if (lengthDigits == 0 || (i != end && !(i == end - 1 && b[i] == '\r'))) {
			throw malformed("is not 'EPOCH_MICROS DIRECTION TYPE LENGTH'");
		}
		this.position = end + 1;
		int size = (int) length;
		if (!ensure(size + 1)) {
			throw malformed("announces " + size + " bytes, but the capture ends before");
		}
		if (this.buffer[this.position + size] != '\n') {
			throw malformed("announces " + size + " bytes, which are not followed by a newline");
		}
		this.epochMicros = micros;
		this.sent = direction == '>';
		this.type = (kind == 't') ? FrameType.TEXT : FrameType.BINARY;
		this.payloadOffset = this.position;
		this.payloadLength = size;
		this.position += size + 1;
		this.line++;
		return true;
	}

	private boolean nextCryptofeed() throws IOException {
		while (true) {
			int end = findLineEnd();
			if (end < 0) {
				return false;
			}
			this.line++;
			int start = this.position;
			this.position = end + 1;
			if (end == start || (end == start + 1 && this.buffer[start] == '\r')) {
				continue;
			}
			int separator = indexOf(this.buffer, start, end, (byte) ':');
			if (separator < 0 || separator + 1 >= end || this.buffer[separator + 1] != ' ') {
				throw malformed("is not 'EPOCH_SECONDS: PAYLOAD'");
			}
			this.epochMicros = secondsToMicros(start, separator);
			this.sent = false;
			this.type = FrameType.TEXT;
			this.payloadOffset = separator + 2;
			this.payloadLength = end - this.payloadOffset;
			return true;
		}
	}

	private long secondsToMicros(int start, int end) throws IOException {
		long seconds = 0;
		long micros = 0;
		int fractionDigits = -1;
		for (int i = start; i < end; i++) {
			byte c = this.buffer[i];
			if (c == '.' && fractionDigits < 0) {
				fractionDigits = 0;
			}
			else if (c >= '0' && c <= '9') {
				if (fractionDigits < 0) {
					seconds = seconds * 10 + (c - '0');
				}
				else if (fractionDigits < 6) {
					micros = micros * 10 + (c - '0');
					fractionDigits++;
				}
			}
			else {
				throw malformed("is not 'EPOCH_SECONDS: PAYLOAD'");
			}
		}
		for (int digits = Math.max(fractionDigits, 0); digits < 6; digits++) {
			micros *= 10;
		}
		return seconds * 1_000_000 + micros;
	}

	private IOException malformed(String problem) {
		return new IOException("Line " + this.line + " of capture " + this.name + " " + problem);
	}

	/**
	 * Return the index of the next newline, reading more as needed, or -1 at the end of
	 * the capture; a last line without a newline counts as a line.
	 */
	private int findLineEnd() throws IOException {
		int searched = this.position;
		while (true) {
			int newline = indexOf(this.buffer, searched, this.limit, (byte) '\n');
			if (newline >= 0) {
				return newline;
			}
			if (this.eof) {
				if (this.position < this.limit) {
					// a last line without a newline: append one
					ensureRoom(1);
					this.buffer[this.limit++] = '\n';
					return this.limit - 1;
				}
				return -1;
			}
			searched = this.limit - this.position;
			fill();
			searched += this.position;
		}
	}

	/**
	 * Make {@code count} bytes available from the position, or return false at the end.
	 */
	private boolean ensure(int count) throws IOException {
		while (this.limit - this.position < count) {
			if (this.eof) {
				return false;
			}
			ensureRoom(count - (this.limit - this.position));
			fill();
		}
		return true;
	}

	/**
	 * Compact the buffer, then grow it if it cannot take {@code more} bytes after the
	 * limit.
	 */
	private void ensureRoom(int more) {
		int remaining = this.limit - this.position;
		if (this.position > 0) {
			System.arraycopy(this.buffer, this.position, this.buffer, 0, remaining);
			this.position = 0;
			this.limit = remaining;
		}
		if (this.buffer.length - this.limit < more) {
			this.buffer = Arrays.copyOf(this.buffer, Math.max(this.buffer.length * 2, this.limit + more));
		}
	}

	private void fill() throws IOException {
		if (this.limit == this.buffer.length) {
			ensureRoom(Math.max(1, this.buffer.length / 2));
		}
		int read = this.in.read(this.buffer, this.limit, this.buffer.length - this.limit);
		if (read < 0) {
			this.eof = true;
		}
		else {
			this.limit += read;
		}
	}

	private static int indexOf(byte[] bytes, int from, int to, byte value) {
		for (int i = from; i < to; i++) {
			if (bytes[i] == value) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The current frame, over the reader's buffer.
	 */
	private final class ReaderFrame extends SliceFrame {

		@Override
		public FrameType type() {
			return CaptureReader.this.type;
		}

		@Override
		public byte[] array() {
			return CaptureReader.this.buffer;
		}

		@Override
		public int arrayOffset() {
			return CaptureReader.this.payloadOffset;
		}

		@Override
		public int length() {
			return CaptureReader.this.payloadLength;
		}

	}

}
