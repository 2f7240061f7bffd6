package dev.exchangeintegration.kafka;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import dev.exchangeintegration.core.Frame;
import dev.exchangeintegration.core.FrameType;
import dev.exchangeintegration.messaging.ExchangeHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A Kafka record as a text frame: the payload is the record's value, the headers its key,
 * topic, partition, offset and timestamp under Spring Kafka's names, and its own headers
 * under their names (as {@code byte[]}).
 */
final class KafkaFrame implements Frame {

	private static final byte[] EMPTY = {};

	private final ConsumerRecord<?, byte[]> record;

	private final byte[] value;

	KafkaFrame(ConsumerRecord<?, byte[]> record) {
		this.record = record;
		this.value = (record.value() != null) ? record.value() : EMPTY;
	}

	@Override
	public FrameType type() {
		return FrameType.TEXT;
	}

	@Override
	public int length() {
		return this.value.length;
	}

	@Override
	public Map<String, Object> headers() {
		Map<String, Object> headers = new HashMap<>(8 + this.record.headers().toArray().length * 2);
		for (Header header : this.record.headers()) {
			if (!header.key().startsWith(ExchangeHeaders.PREFIX) && header.value() != null) {
				headers.put(header.key(), header.value());
			}
		}
		if (this.record.key() != null) {
			headers.put(ExchangeHeaders.KAFKA_RECEIVED_KEY, this.record.key());
		}
		headers.put(ExchangeHeaders.KAFKA_RECEIVED_TOPIC, this.record.topic());
		headers.put(ExchangeHeaders.KAFKA_RECEIVED_PARTITION, this.record.partition());
		headers.put(ExchangeHeaders.KAFKA_OFFSET, this.record.offset());
		headers.put(ExchangeHeaders.KAFKA_RECEIVED_TIMESTAMP, this.record.timestamp());
		return headers;
	}

	@Override
	public String origin() {
		return origin(this.record.topic(), this.record.partition(), this.record.offset());
	}

	static String origin(String topic, int partition, long offset) {
		return "Kafka topic '" + topic + "' partition " + partition + " offset " + offset;
	}

	@Override
	public InputStream inputStream() {
		return new ByteArrayInputStream(this.value);
	}

	@Override
	public byte[] toByteArray() {
		return this.value.clone();
	}

	@Override
	public byte[] array() {
		return this.value;
	}

	@Override
	public String toText() {
		return Frame.binary(this.value).toText();
	}

	@Override
	public String excerpt() {
		return Frame.binary(this.value).excerpt();
	}

}
