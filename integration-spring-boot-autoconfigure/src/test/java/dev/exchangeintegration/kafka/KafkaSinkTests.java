package dev.exchangeintegration.kafka;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.exchangeintegration.annotation.ExchangeListener;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;
import dev.exchangeintegration.core.ConnectionState;
import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.core.ExchangeStream;
import dev.exchangeintegration.event.ExchangeErrorEvent;
import dev.exchangeintegration.messaging.ExchangeHeaders;
import dev.exchangeintegration.test.BinanceMessage;
import dev.exchangeintegration.test.ConfigurationFailures;
import dev.exchangeintegration.test.KafkaTestBroker;
import dev.exchangeintegration.test.Recorder;
import dev.exchangeintegration.test.TcpProxy;
import dev.exchangeintegration.test.TestWebSocketServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kafka sink through an in-process broker, fed by a WebSocket server on loopback.
 */
class KafkaSinkTests {

	private final TestWebSocketServer server = new TestWebSocketServer();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, KafkaAutoConfiguration.class,
				ExchangeIntegrationAutoConfiguration.class, KafkaExchangeAutoConfiguration.class))
		.withPropertyValues("spring.kafka.bootstrap-servers=" + KafkaTestBroker.bootstrapServers(),
				"exchange-integration.exchanges.binance.url=" + this.server.url(),
				"exchange-integration.exchanges.binance.parser=text")
		.withBean(Recorder.class);

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void sinkWritesTextValuesWithTheExchangeHeadersAndExtraHeaders() {
		String topic = KafkaTestBroker.newTopic("text", 1);
		this.contextRunner
			.withPropertyValues("exchange-integration.exchanges.binance.sinks.kafka.topic=" + topic,
					"exchange-integration.exchanges.binance.sinks.kafka.format=text",
					"exchange-integration.exchanges.binance.sinks.kafka.key-expression=payload.length()",
					"exchange-integration.exchanges.binance.sinks.kafka.headers.source='replay'")
			.run((context) -> {
				this.server.awaitConnections(1);
				this.server.sendText("one", "three");
				List<ConsumerRecord<String, String>> records = KafkaTestBroker.read(KafkaTestBroker.bootstrapServers(),
						topic, 2);
				assertThat(records).extracting(ConsumerRecord::value).containsExactly("one", "three");
				assertThat(records).extracting(ConsumerRecord::key).containsExactly("3", "5");
				ConsumerRecord<String, String> first = records.get(0);
				assertThat(header(first, ExchangeHeaders.EXCHANGE)).isEqualTo("binance");
				assertThat(header(first, ExchangeHeaders.RECEIVED_AT)).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
				assertThat(header(first, "source")).isEqualTo("replay");
			});
	}

	@Test
	void sendRejectedByTheBrokerIsReportedAsSinkErrorAndCounted() {
		String topic = KafkaTestBroker.newTopic("small", 1, Map.of("max.message.bytes", "200"));
		this.contextRunner
			.withPropertyValues("exchange-integration.exchanges.binance.sinks.kafka.topic=" + topic,
					"exchange-integration.exchanges.binance.sinks.kafka.format=text")
			.run((context) -> {
				this.server.awaitConnections(1);
				this.server.sendText("small", "x".repeat(1000), "small again");
				ExchangeErrorEvent error = context.getBean(Recorder.class)
					.awaitError((event) -> event.getKind() == ErrorKind.SINK);
				assertThat(error.getExchange()).isEqualTo("binance");
				assertThat(error.getError()).isInstanceOf(KafkaSinkException.class)
					.hasMessageContaining("topic '" + topic + "'")
					.hasRootCauseInstanceOf(RecordTooLargeException.class);
				KafkaExchangeSinks sinks = context.getBean(KafkaExchangeSinks.class);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> sinks.sentOutputs().get("binance") == 2 && sinks.failedSends().get("binance") == 1);
				assertThat(KafkaTestBroker.read(KafkaTestBroker.bootstrapServers(), topic, 2))
					.extracting(ConsumerRecord::value)
					.containsExactly("small", "small again");
			});
	}

	@Test
	void sinkThatFallsBehindDropsByItsOwnPolicyAndCountsItsDropsUnderItsName() {
		this.contextRunner
			.withPropertyValues("exchange-integration.exchanges.binance.sinks.kafka.topic=never-created",
					"exchange-integration.exchanges.binance.sinks.kafka.format=text",
					"exchange-integration.exchanges.binance.sinks.kafka.buffer-size=2",
					"exchange-integration.exchanges.binance.sinks.kafka.overflow=drop-latest",
					// each send waits this long for the metadata of a topic that never
					// comes
					"spring.kafka.producer.properties[allow.auto.create.topics]=false",
					"spring.kafka.producer.properties[max.block.ms]=1500")
			.run((context) -> {
				this.server.awaitConnections(1);
				this.server.sendText("1", "2", "3", "4", "5", "6", "7", "8");
				ExchangeStream<?> stream = context.getBean("binance.exchangeStream", ExchangeStream.class);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> stream.droppedOutputs().getOrDefault(KafkaExchangeSinks.CONSUMER_NAME, 0L) > 0);
				assertThat(stream.droppedOutputs()).containsOnlyKeys(KafkaExchangeSinks.CONSUMER_NAME);
				assertThat(context.getBean(KafkaExchangeSinks.class).sentOutputs().get("binance")).isZero();
			});
	}

	@Test
	void shutdownFlushesEveryOutputTheSinkAccepted() {
		String topic = KafkaTestBroker.newTopic("flush", 1);
		List<String> sent = new ArrayList<>();
		this.contextRunner
			.withPropertyValues("exchange-integration.exchanges.binance.sinks.kafka.topic=" + topic,
					"exchange-integration.exchanges.binance.sinks.kafka.format=text",
					// records wait in the producer for a minute unless flushed
					"spring.kafka.producer.properties[linger.ms]=60000", "spring.kafka.producer.batch-size=1MB")
			.run((context) -> {
				this.server.awaitConnections(1);
				for (int i = 0; i < 100; i++) {
					sent.add("frame-" + i);
				}
				this.server.sendText(sent.toArray(String[]::new));
				ExchangeStream<?> stream = context.getBean("binance.exchangeStream", ExchangeStream.class);
				KafkaExchangeSinks sinks = context.getBean(KafkaExchangeSinks.class);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> stream.droppedOutputs().isEmpty()
							&& KafkaTestBroker.read(KafkaTestBroker.bootstrapServers(), topic, 0).isEmpty());
				assertThat(sinks.sentOutputs().get("binance")).isZero();
			});
		assertThat(KafkaTestBroker.read(KafkaTestBroker.bootstrapServers(), topic, 100))
			.extracting(ConsumerRecord::value)
			.containsExactlyElementsOf(sent);
	}

	@Test
	void blankTopicFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("exchange-integration.exchanges.binance.sinks.kafka.topic= ")
			.run((context) -> ConfigurationFailures.assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.binance.sinks.kafka.topic",
					"Exchange 'binance' has a Kafka sink with a blank topic."));
	}

	@Test
	void invalidKeyExpressionFailsStartupNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("exchange-integration.exchanges.binance.sinks.kafka.topic=volumes",
					"exchange-integration.exchanges.binance.sinks.kafka.key-expression=payload.(")
			.run((context) -> ConfigurationFailures.assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.binance.sinks.kafka.key-expression",
					"Exchange 'binance' has sinks.kafka.key-expression 'payload.(', which is not a valid SpEL expression"));
	}

	@Test
	void sinkAndKafkaSourceSurviveTheBrokerBecomingUnreachableAndComingBack() throws Exception {
		try (TcpProxy proxy = new TcpProxy()) {
			EmbeddedKafkaKraftBroker broker = KafkaTestBroker.startBehindProxy(proxy.port());
			try {
				int brokerPort = KafkaTestBroker.port(broker);
				proxy.start(brokerPort);
				broker.addTopics("outage");
				String bootstrap = "127.0.0.1:" + proxy.port();
				this.contextRunner
					.withPropertyValues("spring.kafka.bootstrap-servers=" + bootstrap,
							"exchange-integration.exchanges.binance.sinks.kafka.topic=outage",
							"exchange-integration.exchanges.binance.sinks.kafka.format=text",
							"exchange-integration.exchanges.recorded.protocol=kafka",
							"exchange-integration.exchanges.recorded.parser=text",
							"exchange-integration.exchanges.recorded.kafka.topics=outage",
							"exchange-integration.exchanges.recorded.kafka.start=earliest",
							"exchange-integration.exchanges.recorded.kafka.unreachable-timeout=1s",
							"exchange-integration.exchanges.recorded.reconnect.max-backoff=1s")
					.withBean(RecordedTexts.class)
					.run((context) -> {
						this.server.awaitConnections(1);
						ExchangeStream<?> recorded = context.getBean("recorded.exchangeStream", ExchangeStream.class);
						await().atMost(Duration.ofSeconds(30)).until(() -> recorded.state() == ConnectionState.LIVE);
						RecordedTexts texts = context.getBean(RecordedTexts.class);
						this.server.sendText("before");
						await().atMost(Duration.ofSeconds(30)).until(() -> texts.texts.size() == 1);
						proxy.stop();
						Recorder recorder = context.getBean(Recorder.class);
						await().atMost(Duration.ofSeconds(30))
							.until(() -> recorder.transitions().contains("LIVE->RECONNECTING"));
						assertThat(recorder.errors(ErrorKind.CONNECTION))
							.anySatisfy((event) -> assertThat(event.getError())
								.isInstanceOf(KafkaUnreachableException.class)
								.hasMessage("Exchange 'recorded' has had no connection to a Kafka broker for PT1S"));
						this.server.sendText("during-1", "during-2");
						proxy.start(brokerPort);
						this.server.sendText("after");
						// the outputs sent while the broker was unreachable were held by
						// the producer and sent once it was back; the source reconnected.
						// Nothing is lost; a record read before the outage whose offset
						// was not committed yet may come again (at-least-once), in order.
						await().atMost(Duration.ofSeconds(30)).until(() -> texts.texts.contains("after"));
						List<String> received = List.copyOf(texts.texts);
						assertThat(received.stream().distinct().toList()).containsExactly("before", "during-1",
								"during-2", "after");
						assertThat(received).endsWith("during-1", "during-2", "after");
						assertThat(received.subList(0, received.size() - 3)).containsOnly("before");
						assertThat(recorder.errors(ErrorKind.SINK)).isEmpty();
						assertThat(recorded.state()).isEqualTo(ConnectionState.LIVE);
					});
			}
			finally {
				broker.destroy();
			}
		}
	}

	static class RecordedTexts {

		final List<String> texts = new CopyOnWriteArrayList<>();

		@ExchangeListener("recorded")
		void onText(String text) {
			this.texts.add(text);
		}

	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

}
