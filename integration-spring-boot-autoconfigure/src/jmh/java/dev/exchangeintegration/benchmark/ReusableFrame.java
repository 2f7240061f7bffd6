package dev.exchangeintegration.benchmark;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import dev.exchangeintegration.core.Frame;
import dev.exchangeintegration.core.FrameType;

/**
 * A text {@link Frame} over a byte array whose stream is reused, as the WebSocket
 * transport reuses one frame per connection: reading it allocates nothing.
 */
final class ReusableFrame implements Frame {

	private final byte[] payload;

	private final Stream stream = new Stream();

	ReusableFrame(byte[] payload) {
		this.payload = payload;
	}

	@Override
	public FrameType type() {
		return FrameType.TEXT;
	}

	@Override
	public int length() {
		return this.payload.length;
	}

	@Override
	public InputStream inputStream() {
		this.stream.position = 0;
		return this.stream;
	}

	@Override
	public byte[] toByteArray() {
		return this.payload.clone();
	}

	@Override
	public String toText() {
		return new String(this.payload, StandardCharsets.UTF_8);
	}

	@Override
	public String excerpt() {
		return toText();
	}

	private final class Stream extends InputStream {

		private int position;

		@Override
		public int read() {
			return (this.position < ReusableFrame.this.payload.length)
					? ReusableFrame.this.payload[this.position++] & 0xFF : -1;
		}

		@Override
		public int read(byte[] target, int offset, int length) {
			int remaining = ReusableFrame.this.payload.length - this.position;
			if (remaining <= 0) {
				return (length == 0) ? 0 : -1;
			}
			int count = Math.min(length, remaining);
			System.arraycopy(ReusableFrame.this.payload, this.position, target, offset, count);
			this.position += count;
			return count;
		}

	}

}
