package dev.exchangeintegration.kafka;

import java.time.Duration;

/**
 * A Kafka consumer had no connection to any broker for the exchange's
 * {@code kafka.unreachable-timeout}: the connection is replaced.
 */
public class KafkaUnreachableException extends RuntimeException {

	/**
	 * Create a new instance.
	 * @param exchange the exchange name
	 * @param timeout the unreachable timeout
	 */
	public KafkaUnreachableException(String exchange, Duration timeout) {
		super("Exchange '" + exchange + "' has had no connection to a Kafka broker for " + timeout);
	}

}
