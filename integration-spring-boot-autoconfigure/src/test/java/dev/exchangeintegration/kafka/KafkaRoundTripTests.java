package dev.exchangeintegration.kafka;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.exchangeintegration.annotation.ExchangeListener;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;
import dev.exchangeintegration.core.ConnectionState;
import dev.exchangeintegration.core.ExchangeStream;
import dev.exchangeintegration.messaging.ExchangeHeaders;
import dev.exchangeintegration.test.BinanceMessage;
import dev.exchangeintegration.test.KafkaTestBroker;
import dev.exchangeintegration.test.Recorder;
import dev.exchangeintegration.test.TestWebSocketServer;
import dev.exchangeintegration.test.Volume;
import dev.exchangeintegration.test.VolumeConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.Header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A WebSocket feed sunk into Kafka and read back by a {@code kafka} exchange, through an
 * in-process broker.
 */
class KafkaRoundTripTests {

	private final TestWebSocketServer server = new TestWebSocketServer();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, KafkaAutoConfiguration.class,
				ExchangeIntegrationAutoConfiguration.class, KafkaExchangeAutoConfiguration.class))
		.withPropertyValues("spring.kafka.bootstrap-servers=" + KafkaTestBroker.bootstrapServers(),
				"exchange-integration.exchanges.binance.url=" + this.server.url(),
				"exchange-integration.exchanges.binance.transformer=volumeTransformer")
		.withUserConfiguration(VolumeConfiguration.class)
		.withBean(Recorder.class);

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void webSocketFeedSunkToKafkaIsReadBackWithExactValuesKeysAndMetadata() {
		String topic = KafkaTestBroker.newTopic("volumes", 1);
		this.contextRunner.withBean(RecordedListener.class)
			.withPropertyValues("exchange-integration.exchanges.binance.sinks.kafka.topic=" + topic,
					"exchange-integration.exchanges.binance.sinks.kafka.key-expression=payload.symbol",
					"exchange-integration.exchanges.recorded.protocol=kafka",
					"exchange-integration.exchanges.recorded.kafka.topics=" + topic,
					"exchange-integration.exchanges.recorded.kafka.start=earliest",
					"exchange-integration.exchanges.recorded.message-type=" + Volume.class.getName())
			.run((context) -> {
				ExchangeStream<?> recorded = context.getBean("recorded.exchangeStream", ExchangeStream.class);
				await().atMost(Duration.ofSeconds(30)).until(() -> recorded.state() == ConnectionState.LIVE);
				this.server.awaitConnections(1);
				List<Volume> expected = new ArrayList<>();
				BigDecimal sum = BigDecimal.ZERO;
				for (int i = 1; i <= 50; i++) {
					String symbol = (i % 2 == 0) ? "BTCUSDT" : "ETHUSDT";
					this.server.sendText(BinanceMessage.trade(symbol, i + ".5"));
					sum = sum.add(new BigDecimal(i + ".5"));
					expected.add(new Volume(symbol, sum, i));
				}
				RecordedListener listener = context.getBean(RecordedListener.class);
				await().atMost(Duration.ofSeconds(30)).until(() -> listener.messages.size() >= 50);
				assertThat(listener.messages).extracting(Message::getPayload).containsExactlyElementsOf(expected);
				for (int i = 0; i < 50; i++) {
					Message<Volume> message = listener.messages.get(i);
					assertThat(message.getHeaders().get(KafkaHeaders.RECEIVED_KEY)).isEqualTo(expected.get(i).symbol());
					assertThat(message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC)).isEqualTo(topic);
					assertThat(message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION)).isEqualTo(0);
					assertThat(message.getHeaders().get(KafkaHeaders.OFFSET)).isEqualTo((long) i);
					assertThat(message.getHeaders().get(KafkaHeaders.RECEIVED_TIMESTAMP)).isInstanceOf(Long.class);
					assertThat(message.getHeaders().get(ExchangeHeaders.EXCHANGE)).isEqualTo("recorded");
				}
				assertThat(listener.offsets)
					.containsExactlyElementsOf(java.util.stream.LongStream.range(0, 50).boxed().toList());
				assertThat(context.getBean(Recorder.class).errors()).isEmpty();
			});
	}

	static class RecordedListener {

		final List<Message<Volume>> messages = new CopyOnWriteArrayList<>();

		final List<Long> offsets = new CopyOnWriteArrayList<>();

		@ExchangeListener("recorded")
		void onVolume(Message<Volume> message) {
			this.messages.add(message);
		}

		@ExchangeListener(value = "recorded", id = "offsets")
		void onOffset(Volume volume, @Header(KafkaHeaders.OFFSET) long offset) {
			this.offsets.add(offset);
		}

	}

}
