package dev.exchangeintegration.websocket;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import dev.exchangeintegration.core.Excerpts;
import dev.exchangeintegration.core.Frame;
import dev.exchangeintegration.core.FrameType;
import dev.exchangeintegration.core.UnexpectedFrameException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/**
 * A {@link Frame} over a Netty {@link ByteBuf}, reused for every frame of one connection
 * so that reading a frame allocates nothing. A payload in direct memory is copied for
 * {@link #array()} into a scratch array that the connection keeps, grown as needed up to
 * {@value #MAX_SCRATCH} bytes; a larger payload gets an array of its own.
 */
final class ByteBufFrame implements Frame {

	private static final int EXCERPT_BYTES = EXCERPT_LENGTH * 4;

	static final int MAX_SCRATCH = 64 * 1024;

	private final Stream stream = new Stream();

	private byte[] scratch = new byte[1024];

	private ByteBuf buffer = Unpooled.EMPTY_BUFFER;

	private FrameType type = FrameType.TEXT;

	private int start;

	private int length;

	ByteBufFrame wrap(FrameType type, ByteBuf buffer) {
		this.type = type;
		this.buffer = buffer;
		this.start = buffer.readerIndex();
		this.length = buffer.readableBytes();
		return this;
	}

	void clear() {
		this.buffer = Unpooled.EMPTY_BUFFER;
	}

	@Override
	public FrameType type() {
		return this.type;
	}

	@Override
	public int length() {
		return this.length;
	}

	@Override
	public InputStream inputStream() {
		this.stream.position = this.start;
		return this.stream;
	}

	@Override
	public byte[] toByteArray() {
		return ByteBufUtil.getBytes(this.buffer, this.start, this.length);
	}

	@Override
	public byte[] array() {
		if (this.buffer.hasArray()) {
			return this.buffer.array();
		}
		byte[] target = this.scratch;
		if (target.length < this.length) {
			target = new byte[Math.max(this.length, Math.min(target.length * 2, MAX_SCRATCH))];
			if (target.length <= MAX_SCRATCH) {
				this.scratch = target;
			}
		}
		this.buffer.getBytes(this.start, target, 0, this.length);
		return target;
	}

	@Override
	public int arrayOffset() {
		return this.buffer.hasArray() ? this.buffer.arrayOffset() + this.start : 0;
	}

	@Override
	public String toText() {
		// Reactor Netty's client does not validate text frames: do it here, without
		// copying
		if (!ByteBufUtil.isText(this.buffer, this.start, this.length, StandardCharsets.UTF_8)) {
			throw UnexpectedFrameException.invalidUtf8(this.length);
		}
		return this.buffer.toString(this.start, this.length, StandardCharsets.UTF_8);
	}

	@Override
	public String excerpt() {
		int bytes = Math.min(this.length, EXCERPT_BYTES);
		return Excerpts.of(this.buffer.toString(this.start, bytes, StandardCharsets.UTF_8), this.length);
	}

	private final class Stream extends InputStream {

		private int position;

		@Override
		public int read() {
			if (this.position >= end()) {
				return -1;
			}
			return ByteBufFrame.this.buffer.getByte(this.position++) & 0xFF;
		}

		@Override
		public int read(byte[] target, int offset, int length) {
			int remaining = end() - this.position;
			if (remaining <= 0) {
				return (length == 0) ? 0 : -1;
			}
			int count = Math.min(length, remaining);
			ByteBufFrame.this.buffer.getBytes(this.position, target, offset, count);
			this.position += count;
			return count;
		}

		@Override
		public int available() {
			return Math.max(0, end() - this.position);
		}

		@Override
		public long skip(long n) {
			int count = (int) Math.max(0, Math.min(n, available()));
			this.position += count;
			return count;
		}

		private int end() {
			return ByteBufFrame.this.start + ByteBufFrame.this.length;
		}

	}

}
