package dev.exchangeintegration.core;

import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;

/**
 * How one consumer of an {@link ExchangeStream} receives its outputs.
 *
 * @param name the consumer's name, under which its drops and pauses are reported, such as
 * a listener id
 * @param overflow what happens when the consumer falls {@code bufferSize} outputs behind,
 * or {@code null} for the stream's default ({@link OverflowPolicy#BACKPRESSURE} unless
 * configured otherwise)
 * @param bufferSize the size of the consumer's buffer, or {@code 0} for the stream's
 * default (8192 unless configured otherwise)
 * @param executor runs the consumer's delivery loop, off the transport's thread: it is
 * given one long-running task per consumer, so it must start a thread per task (such as a
 * {@code SimpleAsyncTaskExecutor}, virtual threads or not); {@code null} for direct
 * delivery, where the handler runs on the transport's thread, inside the frame's
 * processing, with no buffer: the transport reads only as fast as the handler returns
 */
public record ConsumerSpec(String name, @Nullable OverflowPolicy overflow, int bufferSize,
		@Nullable Executor executor) {

	/**
	 * Validate the spec.
	 * @param name the consumer's name
	 * @param overflow the overflow policy, or {@code null} for the stream's default
	 * @param bufferSize the buffer size, or {@code 0} for the stream's default
	 * @param executor the executor of the delivery loop, or {@code null} for direct
	 * delivery
	 */
	public ConsumerSpec {
		if (bufferSize < 0) {
			throw new IllegalArgumentException("bufferSize must not be negative, was " + bufferSize);
		}
	}

	/**
	 * Return a spec for direct delivery on the transport's thread.
	 * @param name the consumer's name
	 * @return the spec
	 */
	public static ConsumerSpec direct(String name) {
		return new ConsumerSpec(name, null, 0, null);
	}

	/**
	 * Return a spec for delivery on a thread of the consumer's own, with the stream's
	 * default overflow policy and buffer size.
	 * @param name the consumer's name
	 * @param executor the executor that starts the consumer's thread
	 * @return the spec
	 */
	public static ConsumerSpec isolated(String name, Executor executor) {
		return new ConsumerSpec(name, null, 0, executor);
	}

	/**
	 * Return whether outputs are handed over on the transport's thread.
	 * @return whether delivery is direct
	 */
	public boolean isDirect() {
		return this.executor == null;
	}

}
