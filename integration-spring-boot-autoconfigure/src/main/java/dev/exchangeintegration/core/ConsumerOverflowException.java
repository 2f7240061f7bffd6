package dev.exchangeintegration.core;

import java.time.Duration;

/**
 * A consumer of an exchange stream fell behind: outputs were dropped for it, or, with
 * {@link OverflowPolicy#BACKPRESSURE}, the stream has stopped reading for a while because
 * of it.
 */
public class ConsumerOverflowException extends RuntimeException {

	private final String consumer;

	private final long dropped;

	/**
	 * Create a new instance for dropped outputs.
	 * @param exchange the exchange name
	 * @param consumer the consumer that fell behind
	 * @param bufferSize the size of the consumer's buffer
	 * @param policy the overflow policy applied
	 * @param dropped the outputs dropped for this consumer so far
	 */
	public ConsumerOverflowException(String exchange, String consumer, int bufferSize, OverflowPolicy policy,
			long dropped) {
		this("Consumer '" + consumer + "' of exchange '" + exchange + "' fell more than " + bufferSize
				+ " outputs behind (overflow policy " + policy + "); " + dropped + " dropped so far", consumer,
				dropped);
	}

	private ConsumerOverflowException(String message, String consumer, long dropped) {
		super(message);
		this.consumer = consumer;
		this.dropped = dropped;
	}

	/**
	 * Create a new instance for a consumer whose full buffer has kept the stream from
	 * reading: nothing was dropped.
	 * @param exchange the exchange name
	 * @param consumer the consumer that fell behind
	 * @param bufferSize the size of the consumer's buffer
	 * @param pausedFor how long the consumer has kept reading paused so far
	 * @return the exception
	 */
	public static ConsumerOverflowException paused(String exchange, String consumer, int bufferSize,
			Duration pausedFor) {
		return new ConsumerOverflowException("Consumer '" + consumer + "' of exchange '" + exchange
				+ "' has had its buffer of " + bufferSize + " outputs full for " + pausedFor.toMillis()
				+ " ms: reading is paused until it drains to half (overflow policy BACKPRESSURE); nothing dropped",
				consumer, 0);
	}

	/**
	 * Return the consumer that fell behind: a listener's {@code Type.method}, or the name
	 * a {@code Flux} subscriber was given.
	 * @return the consumer
	 */
	public String getConsumer() {
		return this.consumer;
	}

	/**
	 * Return the outputs dropped for this consumer so far; {@code 0} for a pause.
	 * @return the count
	 */
	public long getDropped() {
		return this.dropped;
	}

}
