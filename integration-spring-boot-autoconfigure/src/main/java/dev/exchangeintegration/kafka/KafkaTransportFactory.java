package dev.exchangeintegration.kafka;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.exchangeintegration.autoconfigure.ExchangeSettingsContext;
import dev.exchangeintegration.autoconfigure.transport.ExchangeTransportFactory;
import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.core.ExchangeError;
import dev.exchangeintegration.core.ExchangeStreamObserver;
import dev.exchangeintegration.core.Transport;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;

/**
 * The {@code kafka} protocol: exchanges that read Kafka topics, with consumers created by
 * Spring Boot's {@link ConsumerFactory} (so {@code spring.kafka.consumer.*} applies) and
 * the exchange's {@code kafka.properties} over them. The value deserializer is always
 * {@link ByteArrayDeserializer}: the exchange's parser reads the value. Auto-commit is
 * off: offsets are committed once what was read has been handed over.
 */
public class KafkaTransportFactory implements ExchangeTransportFactory<KafkaSettings>, DisposableBean {

	private final ConsumerFactory<?, ?> consumerFactory;

	private final @Nullable KafkaOperations<Object, Object> kafka;

	private final ExchangeStreamObserver observer;

	private final AtomicLong clients = new AtomicLong();

	private final List<KafkaTransport> transports = new CopyOnWriteArrayList<>();

	/**
	 * Create a new factory.
	 * @param consumerFactory creates the consumers
	 * @param kafka sends what is sent on a {@code kafka} stream, if available
	 * @param observer the observer that consumer errors are reported to
	 */
	public KafkaTransportFactory(ConsumerFactory<?, ?> consumerFactory, @Nullable KafkaOperations<Object, Object> kafka,
			ExchangeStreamObserver observer) {
		this.consumerFactory = consumerFactory;
		this.kafka = kafka;
		this.observer = observer;
	}

	@Override
	public String protocol() {
		return "kafka";
	}

	@Override
	public KafkaSettings createSettings() {
		return new KafkaSettings();
	}

	@Override
	public TransportDefinition define(KafkaSettings settings, ExchangeSettingsContext context) {
		String name = context.exchange();
		if (context.isSetByExchange("subscriptions")) {
			throw context.invalid("subscriptions", null,
					"Exchange '" + name + "' reads Kafka, which has nothing to send subscriptions on.",
					"Remove " + context.property("subscriptions") + "; set " + context.property("kafka.topics")
							+ " to choose what to read.");
		}
		boolean hasTopics = !settings.getTopics().isEmpty();
		if (hasTopics && settings.getTopicPattern() != null) {
			throw context.mutuallyExclusive("kafka.topics", "kafka.topic-pattern");
		}
		if (!hasTopics && settings.getTopicPattern() == null) {
			throw context.invalid("kafka.topics", null, "Exchange '" + name + "' reads Kafka but names no topic.",
					"Set " + context.property("kafka.topics") + " or " + context.property("kafka.topic-pattern") + ".");
		}
		if (settings.getTopicPattern() != null) {
			try {
				Pattern.compile(settings.getTopicPattern());
			}
			catch (PatternSyntaxException ex) {
				throw context.misconfigured("kafka.topic-pattern", settings.getTopicPattern(),
						"is not a valid regular expression (" + ex.getDescription() + ")",
						"Set it to a regular expression such as trades-.*");
			}
		}
		context.requirePositive("kafka.poll-timeout", settings.getPollTimeout());
		context.requirePositive("kafka.unreachable-timeout", settings.getUnreachableTimeout());
		context.requirePositive("kafka.close-timeout", settings.getCloseTimeout());
		String groupId = groupId(settings, name);
		Supplier<Consumer<Object, byte[]>> consumers = () -> createConsumer(name, groupId, settings);
		String endpoint = endpoint(settings);
		return new TransportDefinition() {

			@Override
			public Transport createTransport() {
				KafkaTransport transport = new KafkaTransport(name, consumers, settings,
						KafkaTransportFactory.this.observer,
						(KafkaTransportFactory.this.kafka != null) ? (message) -> send(name, settings, message) : null);
				KafkaTransportFactory.this.transports.add(transport);
				return transport;
			}

			@Override
			public String endpoint() {
				return endpoint;
			}

		};
	}

	private String endpoint(KafkaSettings settings) {
		String topics = (settings.getTopicPattern() != null) ? "topics matching " + settings.getTopicPattern()
				: String.join(",", settings.getTopics());
		Object servers = settings.getProperties().get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);
		if (servers == null) {
			servers = this.consumerFactory.getConfigurationProperties().get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);
		}
		return (servers != null) ? topics + " at " + servers : topics;
	}

	/**
	 * Close the consumers that transports keep between connections; the streams have
	 * stopped.
	 */
	@Override
	public void destroy() {
		this.transports.forEach(KafkaTransport::closeIdle);
	}

	private String groupId(KafkaSettings settings, String exchange) {
		if (settings.getGroupId() != null) {
			return settings.getGroupId();
		}
		Object configured = this.consumerFactory.getConfigurationProperties().get(ConsumerConfig.GROUP_ID_CONFIG);
		return (configured != null) ? configured.toString() : exchange;
	}

	@SuppressWarnings("unchecked")
	private Consumer<Object, byte[]> createConsumer(String exchange, String groupId, KafkaSettings settings) {
		Properties properties = new Properties();
		properties.putAll(settings.getProperties());
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		return (Consumer<Object, byte[]>) this.consumerFactory.createConsumer(groupId, "exchange-" + exchange,
				"-" + this.clients.incrementAndGet(), properties);
	}

	private void send(String exchange, KafkaSettings settings, Object message) {
		KafkaOperations<Object, Object> kafka = this.kafka;
		if (kafka == null) {
			throw new IllegalStateException("No KafkaTemplate");
		}
		if (message instanceof ProducerRecord<?, ?> record) {
			whenSent(exchange, kafka.send((ProducerRecord<Object, Object>) record));
		}
		else if (settings.getTopics().size() == 1) {
			whenSent(exchange, kafka.send(settings.getTopics().get(0), message));
		}
		else {
			throw new IllegalArgumentException("Exchange '" + exchange
					+ "' reads more than one topic: send a ProducerRecord naming its topic, not a "
					+ message.getClass().getName());
		}
	}

	private void whenSent(String exchange, java.util.concurrent.CompletableFuture<?> future) {
		future.whenComplete((result, ex) -> {
			if (ex != null) {
				this.observer.onError(new ExchangeError(exchange, ErrorKind.SINK, ex, null));
			}
		});
	}

}
