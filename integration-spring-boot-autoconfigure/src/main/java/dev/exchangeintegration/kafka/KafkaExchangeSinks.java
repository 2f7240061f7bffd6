package dev.exchangeintegration.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import dev.exchangeintegration.autoconfigure.ExchangeDefinition;
import dev.exchangeintegration.autoconfigure.ExchangeDefinitions;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Exchange;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.KafkaSink;
import dev.exchangeintegration.autoconfigure.ExchangeSettingsContext;
import dev.exchangeintegration.core.ConsumerSpec;
import dev.exchangeintegration.core.ExchangeStream;
import dev.exchangeintegration.core.ExchangeStreamObserver;
import dev.exchangeintegration.core.OutputSubscription;
import dev.exchangeintegration.listener.ExchangeListenerEndpointRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.SpelCompilerMode;
import org.springframework.expression.spel.SpelParserConfiguration;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The Kafka sinks of the exchanges
 * ({@code exchange-integration.exchanges.NAME.sinks.kafka}): each is a consumer of its
 * exchange's stream named {@value #CONSUMER_NAME}, with a buffer and a thread of its own,
 * that sends every output through a {@link KafkaTemplate} built on Spring Boot's
 * {@link ProducerFactory} (keys as strings, values as bytes). The settings are checked
 * when this bean is created. It subscribes before the streams connect and, on shutdown,
 * once the streams have stopped and the sinks have taken what they had buffered, flushes
 * the producer.
 */
public class KafkaExchangeSinks implements SmartLifecycle, DisposableBean {

	/**
	 * Name of a Kafka sink as a consumer of its stream, as counted in
	 * {@code droppedOutputs()}: {@value}.
	 */
	public static final String CONSUMER_NAME = "sink:kafka";

	private static final Log logger = LogFactory.getLog(KafkaExchangeSinks.class);

	private final BeanFactory beanFactory;

	private final KafkaTemplate<String, byte[]> kafka;

	private final List<Definition> definitions = new ArrayList<>();

	private final List<OutputSubscription> subscriptions = new ArrayList<>();

	private final Duration shutdownTimeout;

	private volatile boolean running;

	/**
	 * Create the sinks, checking their settings.
	 * @param properties the exchanges' settings
	 * @param definitions the enabled exchanges
	 * @param environment where the settings come from, for failures
	 * @param producerFactory Spring Boot's producer factory
	 * @param jsonMapper writes the values of the {@code json} format
	 * @param observer where send failures are reported
	 * @param beanFactory where the streams are found
	 */
	public KafkaExchangeSinks(ExchangeIntegrationProperties properties, ExchangeDefinitions definitions,
			Environment environment, ProducerFactory<?, ?> producerFactory, JsonMapper jsonMapper,
			ExchangeStreamObserver observer, BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
		this.shutdownTimeout = properties.getShutdownTimeout();
		@SuppressWarnings("unchecked")
		ProducerFactory<String, byte[]> factory = (ProducerFactory<String, byte[]>) producerFactory;
		this.kafka = new KafkaTemplate<>(factory, Map.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
				StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
		SpelExpressionParser parser = new SpelExpressionParser(
				new SpelParserConfiguration(SpelCompilerMode.MIXED, getClass().getClassLoader()));
		StandardEvaluationContext evaluation = new StandardEvaluationContext();
		for (ExchangeDefinition definition : definitions.enabled()) {
			Exchange exchange = properties.getExchanges().get(definition.name());
			KafkaSink sink = (exchange != null) ? exchange.getSinks().getKafka() : null;
			if (sink == null || !sink.isEnabled() || sink.getTopic() == null) {
				continue;
			}
			ExchangeSettingsContext context = ExchangeSettingsContext.of(definition.name(), exchange, "sinks.kafka",
					environment);
			if (sink.getTopic().isBlank()) {
				throw context.invalid("topic", sink.getTopic(),
						"Exchange '" + definition.name() + "' has a Kafka sink with a blank topic.",
						"Set " + context.property("topic") + " to a topic name.");
			}
			if (sink.getBufferSize() < 0) {
				throw context.misconfigured("buffer-size", sink.getBufferSize(), "is negative",
						"Set it to a positive number, or leave it unset to use the exchange's buffer-size.");
			}
			Expression key = (sink.getKeyExpression() != null)
					? parse(parser, sink.getKeyExpression(), "key-expression", context) : null;
			Map<String, Expression> headers = new LinkedHashMap<>();
			sink.getHeaders()
				.forEach(
						(name, expression) -> headers.put(name, parse(parser, expression, "headers." + name, context)));
			Function<Object, byte[]> values = values(sink, jsonMapper);
			this.definitions.add(new Definition(definition,
					new ConsumerSpec(CONSUMER_NAME, sink.getOverflow(), sink.getBufferSize(),
							(task) -> newThread(task, definition.name())),
					new KafkaTopicSink(definition.name(), sink.getTopic(), key, headers, values, this.kafka, evaluation,
							observer)));
		}
	}

	private static Expression parse(SpelExpressionParser parser, String expression, String key,
			ExchangeSettingsContext context) {
		try {
			return parser.parseExpression(expression);
		}
		catch (ParseException ex) {
			throw context.invalid(key, expression,
					"Exchange '" + context.exchange() + "' has sinks.kafka." + key + " '" + expression
							+ "', which is not a valid SpEL expression (" + ex.getMessage() + ").",
					"Set it to an expression on the output's Message, such as payload.symbol or headers['kafka_receivedMessageKey'].");
		}
	}

	private static Function<Object, byte[]> values(KafkaSink sink, JsonMapper jsonMapper) {
		return switch (sink.getFormat()) {
			case JSON -> jsonMapper::writeValueAsBytes;
			case TEXT -> (output) -> output.toString().getBytes(StandardCharsets.UTF_8);
			case BYTES -> (output) -> {
				if (output instanceof byte[] bytes) {
					return bytes;
				}
				throw new IllegalArgumentException(
						"The bytes format sends byte[] outputs only, not " + output.getClass().getName());
			};
		};
	}

	private static void newThread(Runnable task, String exchange) {
		Thread thread = new Thread(task, "exchange-sink-kafka-" + exchange);
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		for (Definition definition : this.definitions) {
			ExchangeStream<?> stream = this.beanFactory.getBean(definition.exchange().streamBeanName(),
					ExchangeStream.class);
			this.subscriptions.add(stream.subscribe(definition.spec(), definition.sink()));
		}
		this.running = true;
	}

	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		// the streams have stopped: their sinks have handed what they buffered to the
		// producer, which sends it now
		this.subscriptions.forEach(OutputSubscription::dispose);
		this.subscriptions.clear();
		flush();
		this.running = false;
	}

	/**
	 * Flush the producer, waiting at most the shutdown timeout: with the broker out of
	 * reach, a flush would wait for the producer's delivery timeout.
	 */
	private void flush() {
		Thread flusher = new Thread(this.kafka::flush, "exchange-sink-kafka-flush");
		flusher.setDaemon(true);
		flusher.start();
		try {
			flusher.join(this.shutdownTimeout.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (flusher.isAlive()) {
			logger.warn("Kafka sinks: the producer did not confirm every record within " + this.shutdownTimeout
					+ "; records not confirmed are reported as SINK errors as they fail");
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return ExchangeListenerEndpointRegistry.PHASE;
	}

	@Override
	public void destroy() {
		this.kafka.destroy();
	}

	/**
	 * Return the outputs whose send failed, by exchange.
	 * @return the failed sends of each exchange with a Kafka sink
	 */
	public Map<String, Long> failedSends() {
		Map<String, Long> failed = new TreeMap<>();
		for (Definition definition : this.definitions) {
			failed.merge(definition.sink().exchange(), definition.sink().failures(), Long::sum);
		}
		return failed;
	}

	/**
	 * Return the outputs sent and acknowledged by the broker, by exchange.
	 * @return the sent outputs of each exchange with a Kafka sink
	 */
	public Map<String, Long> sentOutputs() {
		Map<String, Long> sent = new TreeMap<>();
		for (Definition definition : this.definitions) {
			sent.merge(definition.sink().exchange(), definition.sink().sent(), Long::sum);
		}
		return sent;
	}

	private record Definition(ExchangeDefinition exchange, ConsumerSpec spec, KafkaTopicSink sink) {

	}

}
