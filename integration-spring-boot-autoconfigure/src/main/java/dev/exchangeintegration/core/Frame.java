package dev.exchangeintegration.core;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One protocol frame as received by a {@link Transport}: a WebSocket message, an HTTP
 * response body, a Kafka record value.
 * <p>
 * A frame is only valid during the call it is passed to: transports may reuse the
 * instance and release its memory as soon as that call returns. Copy what must outlive
 * it.
 */
public interface Frame {

	/**
	 * Maximum number of characters in an {@link #excerpt()}: {@value}.
	 */
	int EXCERPT_LENGTH = 256;

	/**
	 * Return whether the payload is text or binary.
	 * @return the frame type
	 */
	FrameType type();

	/**
	 * Return the payload size in bytes.
	 * @return the payload size
	 */
	int length();

	/**
	 * Return the headers the transport attaches to this frame (a Kafka key and offset, a
	 * FIX sequence number), by the names in
	 * {@code dev.exchangeintegration.messaging.ExchangeHeaders}. Empty by default.
	 * @return the headers
	 */
	default Map<String, Object> headers() {
		return Map.of();
	}

	/**
	 * Return the message as the transport already decoded it, for transports whose
	 * protocol engine parses every message itself (a FIX engine), so that a parser can
	 * pass it on instead of parsing the payload again. {@code null} by default.
	 * @return the decoded message, or {@code null}
	 */
	default @Nullable Object decoded() {
		return null;
	}

	/**
	 * Return where this frame comes from, when the transport can say more than the
	 * exchange's name (a Kafka record's topic, partition and offset), for the error
	 * reports of the frame. {@code null} by default.
	 * @return the frame's origin, or {@code null}
	 */
	default @Nullable String origin() {
		return null;
	}

	/**
	 * Return a stream over the payload bytes, positioned at the start of the payload. The
	 * stream needs no closing.
	 * @return a stream over the payload
	 */
	InputStream inputStream();

	/**
	 * Return a copy of the payload bytes.
	 * @return the payload bytes
	 */
	byte[] toByteArray();

	/**
	 * Return an array holding the payload from {@link #arrayOffset()}, for
	 * {@link #length()} bytes, copying as little as the transport can: its own backing
	 * array, or a scratch array it reuses from frame to frame. Like the frame, the array
	 * is only valid during the call the frame is passed to, and must not be modified.
	 * Parsers that take a byte range, such as Jackson's, read it without an
	 * {@code InputStream}. A copy of the payload by default.
	 * @return an array holding the payload
	 */
	default byte[] array() {
		return toByteArray();
	}

	/**
	 * Return where the payload starts in {@link #array()}. {@code 0} by default.
	 * @return the offset of the payload
	 */
	default int arrayOffset() {
		return 0;
	}

	/**
	 * Return the payload decoded as UTF-8.
	 * @return the payload text
	 * @throws UnexpectedFrameException if the payload is not valid UTF-8
	 */
	String toText();

	/**
	 * Return the start of the payload as UTF-8 text, at most {@value #EXCERPT_LENGTH}
	 * characters, followed by the total size when truncated; malformed bytes become
	 * U+FFFD. Meant for error reports.
	 * @return a bounded excerpt of the payload
	 */
	String excerpt();

	/**
	 * Create a text frame backed by a string.
	 * @param text the payload
	 * @return a frame
	 */
	static Frame text(String text) {
		return new ByteArrayFrame(FrameType.TEXT, text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Create a binary frame backed by an array, which is not copied.
	 * @param bytes the payload
	 * @return a frame
	 */
	static Frame binary(byte[] bytes) {
		return new ByteArrayFrame(FrameType.BINARY, bytes);
	}

	/**
	 * A frame backed by a byte array.
	 */
	record ByteArrayFrame(FrameType type, byte[] bytes) implements Frame {

		@Override
		public int length() {
			return this.bytes.length;
		}

		@Override
		public InputStream inputStream() {
			return new ByteArrayInputStream(this.bytes);
		}

		@Override
		public byte[] toByteArray() {
			return this.bytes.clone();
		}

		@Override
		public byte[] array() {
			return this.bytes;
		}

		@Override
		public String toText() {
			try {
				return StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(this.bytes))
					.toString();
			}
			catch (CharacterCodingException ex) {
				throw UnexpectedFrameException.invalidUtf8(this.bytes.length);
			}
		}

		@Override
		public String excerpt() {
			return Excerpts.of(new String(this.bytes, StandardCharsets.UTF_8), this.bytes.length);
		}

	}

}
