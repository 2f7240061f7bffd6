package dev.exchangeintegration.kafka;

/**
 * An output of an exchange could not be sent to its Kafka sink's topic.
 */
public class KafkaSinkException extends RuntimeException {

	/**
	 * Create a new instance.
	 * @param exchange the exchange name
	 * @param topic the sink's topic
	 * @param cause why
	 */
	public KafkaSinkException(String exchange, String topic, Throwable cause) {
		super("Exchange '" + exchange + "' could not send an output to Kafka topic '" + topic + "': " + cause, cause);
	}

}
