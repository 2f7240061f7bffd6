package dev.exchangeintegration.core;

/**
 * What happens to a consumer that falls {@code buffer-size} outputs behind. Every policy
 * counts and reports the outputs lost; none ever slows the connection or another
 * consumer.
 */
public enum OverflowPolicy {

	/**
	 * Drop the oldest buffered output to make room for the new one.
	 */
	DROP_OLDEST,

	/**
	 * Drop the new output, keeping what is buffered.
	 */
	DROP_LATEST,

	/**
	 * Fail the consumer: a {@code Flux} subscriber receives a
	 * {@link ConsumerOverflowException} and its buffered outputs are dropped; a listener
	 * method is resubscribed and goes on with new outputs.
	 */
	ERROR

}
