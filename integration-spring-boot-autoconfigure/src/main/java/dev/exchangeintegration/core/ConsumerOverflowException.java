package dev.exchangeintegration.core;

/**
 * A consumer of an exchange stream fell behind and an output was dropped for it.
 */
public class ConsumerOverflowException extends RuntimeException {

	/**
	 * Create a new instance.
	 * @param exchange the exchange name
	 * @param bufferSize the size of the consumer's buffer
	 */
	public ConsumerOverflowException(String exchange, int bufferSize) {
		super("A consumer of exchange '" + exchange + "' fell more than " + bufferSize
				+ " outputs behind; the oldest buffered output was dropped");
	}

}
