package dev.exchangeintegration.core;

/**
 * A consumer of an exchange stream fell behind and outputs were dropped for it.
 */
public class ConsumerOverflowException extends RuntimeException {

	private final String consumer;

	private final long dropped;

	/**
	 * Create a new instance.
	 * @param exchange the exchange name
	 * @param consumer the consumer that fell behind
	 * @param bufferSize the size of the consumer's buffer
	 * @param policy the overflow policy applied
	 * @param dropped the outputs dropped for this consumer so far
	 */
	public ConsumerOverflowException(String exchange, String consumer, int bufferSize, OverflowPolicy policy,
			long dropped) {
		super("Consumer '" + consumer + "' of exchange '" + exchange + "' fell more than " + bufferSize
				+ " outputs behind (overflow policy " + policy + "); " + dropped + " dropped so far");
		this.consumer = consumer;
		this.dropped = dropped;
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
	 * Return the outputs dropped for this consumer so far.
	 * @return the count
	 */
	public long getDropped() {
		return this.dropped;
	}

}
