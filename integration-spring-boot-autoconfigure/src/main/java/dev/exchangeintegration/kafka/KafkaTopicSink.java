package dev.exchangeintegration.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.core.ExchangeError;
import dev.exchangeintegration.core.ExchangeStreamObserver;
import dev.exchangeintegration.core.OutputContext;
import dev.exchangeintegration.core.OutputHandler;
import dev.exchangeintegration.messaging.ExchangeHeaders;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;

import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * Sends each output of an exchange to a Kafka topic: the value as the sink's format
 * writes it, the key and extra headers from SpEL expressions on the output's
 * {@link Message}, and the headers {@link ExchangeHeaders#EXCHANGE} and
 * {@link ExchangeHeaders#RECEIVED_AT} as UTF-8 text. A failed send is reported as a
 * {@link ErrorKind#SINK} error and counted.
 */
final class KafkaTopicSink implements OutputHandler<Object> {

	private final String exchange;

	private final String topic;

	private final @Nullable Expression key;

	private final Map<String, Expression> headers;

	private final Function<Object, byte[]> values;

	private final KafkaOperations<String, byte[]> kafka;

	private final EvaluationContext evaluation;

	private final ExchangeStreamObserver observer;

	private final byte[] exchangeName;

	private final AtomicLong failures = new AtomicLong();

	private final AtomicLong sent = new AtomicLong();

	KafkaTopicSink(String exchange, String topic, @Nullable Expression key, Map<String, Expression> headers,
			Function<Object, byte[]> values, KafkaOperations<String, byte[]> kafka, EvaluationContext evaluation,
			ExchangeStreamObserver observer) {
		this.exchange = exchange;
		this.topic = topic;
		this.key = key;
		this.headers = headers;
		this.values = values;
		this.kafka = kafka;
		this.evaluation = evaluation;
		this.observer = observer;
		this.exchangeName = exchange.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public void onOutput(Object output, OutputContext context) {
		try {
			this.kafka.send(record(output, context)).whenComplete((result, ex) -> {
				if (ex != null) {
					failed(ex);
				}
				else {
					this.sent.incrementAndGet();
				}
			});
		}
		catch (RuntimeException ex) {
			failed(ex);
		}
	}

	private ProducerRecord<String, byte[]> record(Object output, OutputContext context) {
		List<Header> recordHeaders = new ArrayList<>(2 + this.headers.size());
		recordHeaders.add(new RecordHeader(ExchangeHeaders.EXCHANGE, this.exchangeName));
		recordHeaders.add(new RecordHeader(ExchangeHeaders.RECEIVED_AT,
				context.receivedAt().toString().getBytes(StandardCharsets.UTF_8)));
		String key = null;
		if (this.key != null || !this.headers.isEmpty()) {
			Message<Object> message = new SinkMessage(output, context);
			if (this.key != null) {
				Object value = this.key.getValue(this.evaluation, message);
				key = (value != null) ? value.toString() : null;
			}
			this.headers.forEach((name, expression) -> {
				Object value = expression.getValue(this.evaluation, message);
				if (value != null) {
					recordHeaders.add(new RecordHeader(name, (value instanceof byte[] bytes) ? bytes
							: value.toString().getBytes(StandardCharsets.UTF_8)));
				}
			});
		}
		return new ProducerRecord<>(this.topic, null, null, key, this.values.apply(output), recordHeaders);
	}

	private void failed(Throwable ex) {
		this.failures.incrementAndGet();
		this.observer.onError(new ExchangeError(this.exchange, ErrorKind.SINK,
				new KafkaSinkException(this.exchange, this.topic, ex), null));
	}

	long failures() {
		return this.failures.get();
	}

	long sent() {
		return this.sent.get();
	}

	String exchange() {
		return this.exchange;
	}

	/**
	 * The output as a message, for the expressions: its payload and headers, those of the
	 * transport and of {@link ExchangeHeaders}.
	 */
	private static final class SinkMessage implements Message<Object> {

		private final Object payload;

		private final MessageHeaders headers;

		SinkMessage(Object payload, OutputContext context) {
			this.payload = payload;
			Map<String, Object> headers = new HashMap<>(context.headers());
			headers.put(ExchangeHeaders.EXCHANGE, context.exchange());
			headers.put(ExchangeHeaders.RECEIVED_AT, context.receivedAt());
			this.headers = new MessageHeaders(headers);
		}

		@Override
		public Object getPayload() {
			return this.payload;
		}

		@Override
		public MessageHeaders getHeaders() {
			return this.headers;
		}

	}

}
