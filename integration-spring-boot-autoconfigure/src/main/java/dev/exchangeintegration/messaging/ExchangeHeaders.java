package dev.exchangeintegration.messaging;

/**
 * Names of the headers of the {@code org.springframework.messaging.Message} an
 * {@code @ExchangeListener} method may take, and of the {@code @Header} parameters it may
 * declare, such as {@code @Header(ExchangeHeaders.RECEIVED_AT) Instant receivedAt}.
 * Transports attach headers of their own to each frame under names declared here too.
 */
public final class ExchangeHeaders {

	// Transports add the headers they attach to frames here, next to these (a Kafka key
	// and offset, a FIX sequence number), so that listener methods can name them and
	// unknown names fail at startup.

	/**
	 * Prefix of every header name: {@value}.
	 */
	public static final String PREFIX = "exchange_";

	/**
	 * The name of the exchange the output came from, as configured: a {@code String}.
	 */
	public static final String EXCHANGE = PREFIX + "name";

	/**
	 * When the frame the output came from was read off the transport: a
	 * {@code java.time.Instant}.
	 */
	public static final String RECEIVED_AT = PREFIX + "receivedAt";

	/**
	 * The id of the listener the output is delivered to: a {@code String}.
	 */
	public static final String LISTENER_ID = PREFIX + "listenerId";

	/**
	 * The MsgType(35) of the FIX message the output came from, such as {@code X}: a
	 * {@code String}.
	 */
	public static final String FIX_MSG_TYPE = PREFIX + "fixMsgType";

	/**
	 * The MsgSeqNum(34) of the FIX message the output came from: an {@code Integer}.
	 */
	public static final String FIX_MSG_SEQ_NUM = PREFIX + "fixMsgSeqNum";

	/**
	 * The key of the Kafka record the output came from, as deserialized by the consumer's
	 * key deserializer (a {@code String} by default); absent for a record without a key.
	 * Spring Kafka's {@code KafkaHeaders.RECEIVED_KEY}: {@value}.
	 */
	public static final String KAFKA_RECEIVED_KEY = "kafka_receivedMessageKey";

	/**
	 * The topic of the Kafka record the output came from: a {@code String}. Spring
	 * Kafka's {@code KafkaHeaders.RECEIVED_TOPIC}: {@value}.
	 */
	public static final String KAFKA_RECEIVED_TOPIC = "kafka_receivedTopic";

	/**
	 * The partition of the Kafka record the output came from: an {@code Integer}. Spring
	 * Kafka's {@code KafkaHeaders.RECEIVED_PARTITION}: {@value}.
	 */
	public static final String KAFKA_RECEIVED_PARTITION = "kafka_receivedPartitionId";

	/**
	 * The offset of the Kafka record the output came from: a {@code Long}. Spring Kafka's
	 * {@code KafkaHeaders.OFFSET}: {@value}.
	 */
	public static final String KAFKA_OFFSET = "kafka_offset";

	/**
	 * The timestamp of the Kafka record the output came from, in milliseconds since the
	 * epoch: a {@code Long}. Spring Kafka's {@code KafkaHeaders.RECEIVED_TIMESTAMP}:
	 * {@value}.
	 */
	public static final String KAFKA_RECEIVED_TIMESTAMP = "kafka_receivedTimestamp";

	private ExchangeHeaders() {
	}

}
