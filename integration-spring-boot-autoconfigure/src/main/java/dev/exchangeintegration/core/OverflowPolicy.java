package dev.exchangeintegration.core;

/**
 * What happens when a consumer falls {@code buffer-size} outputs behind. Every policy
 * reports what it does: a pause of the transport, or the outputs lost.
 */
public enum OverflowPolicy {

	/**
	 * Keep every output: while this consumer's buffer is full, the stream stops reading
	 * its transport (TCP flow control then pushes back on the exchange), and it resumes
	 * once the consumer has drained to half its buffer. The whole stream pauses, for
	 * every consumer: that is the price of losing nothing. What the transport had already
	 * read when it paused is still buffered, so a buffer may hold a little more than its
	 * size. A pause longer than 1 s is reported as an {@link ErrorKind#OVERFLOW} error
	 * naming the consumer, and again at 2 s, 4 s... The default.
	 */
	BACKPRESSURE,

	/**
	 * Drop the oldest buffered output to make room for the new one.
	 */
	DROP_OLDEST,

	/**
	 * Drop the new output, keeping what is buffered.
	 */
	DROP_LATEST,

	/**
	 * Fail the consumer: its buffered outputs and the new one are dropped, and the
	 * failure is reported every time; a {@code Flux} subscriber then receives a
	 * {@link ConsumerOverflowException}, while any other consumer, such as a listener
	 * method, goes on with the outputs that follow.
	 */
	ERROR

}
