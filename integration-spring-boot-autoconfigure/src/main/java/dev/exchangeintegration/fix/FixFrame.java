package dev.exchangeintegration.fix;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.exchangeintegration.core.Excerpts;
import dev.exchangeintegration.core.Frame;
import dev.exchangeintegration.core.FrameType;
import dev.exchangeintegration.messaging.ExchangeHeaders;
import org.jspecify.annotations.Nullable;
import quickfix.Message;

/**
 * A FIX application message as a frame: the message QuickFIX/J has parsed, with its
 * tag=value text (SOH separated) as the payload, rendered only when asked for.
 */
final class FixFrame implements Frame {

	private final Message message;

	private final Map<String, Object> headers;

	private @Nullable String text;

	FixFrame(Message message, String msgType, int msgSeqNum) {
		this.message = message;
		this.headers = Map.of(ExchangeHeaders.FIX_MSG_TYPE, msgType, ExchangeHeaders.FIX_MSG_SEQ_NUM, msgSeqNum);
	}

	@Override
	public Message decoded() {
		return this.message;
	}

	@Override
	public FrameType type() {
		return FrameType.TEXT;
	}

	@Override
	public Map<String, Object> headers() {
		return this.headers;
	}

	@Override
	public int length() {
		// tag=value text is ASCII: one byte a character, as bytes() encodes it
		return toText().length();
	}

	@Override
	public InputStream inputStream() {
		return new ByteArrayInputStream(bytes());
	}

	@Override
	public byte[] toByteArray() {
		return bytes();
	}

	@Override
	public String toText() {
		String current = this.text;
		if (current == null) {
			// the text QuickFIX/J parsed, rather than the message rendered again
			String raw = this.message.toRawString();
			current = (raw != null) ? raw : this.message.toString();
			this.text = current;
		}
		return current;
	}

	@Override
	public String excerpt() {
		return excerpt(toText());
	}

	/**
	 * Return a bounded excerpt of FIX text, with {@code |} for SOH.
	 */
	static String excerpt(String fix) {
		return Excerpts.of(fix.replace('\u0001', '|'), fix.length());
	}

	private byte[] bytes() {
		return toText().getBytes(StandardCharsets.US_ASCII);
	}

}
