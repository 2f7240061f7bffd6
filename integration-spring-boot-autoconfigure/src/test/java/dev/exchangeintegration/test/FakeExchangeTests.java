package dev.exchangeintegration.test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.exchangeintegration.annotation.ExchangeListener;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;
import dev.exchangeintegration.core.ConnectionState;
import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.core.ExchangeStream;
import dev.exchangeintegration.event.ExchangeErrorEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * {@link FakeExchange} used as an application's own test would use it: registered as a
 * JUnit 5 extension, an exchange pointed at its {@code url()}, subscriptions acknowledged
 * by a script, trades sent, the connection dropped and the stream reconnecting.
 */
class FakeExchangeTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String SUBSCRIBE = "{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@aggTrade\"],\"id\":1}";

	private static final String VOLUMES = "exchange-integration.exchanges.trades.transformer=volumeTransformer";

	private static final String ACKS = "exchange-integration.exchanges.trades.subscription-ack.id-pointer=/id";

	@RegisterExtension
	static FakeExchange exchange = FakeExchange.create();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(JacksonAutoConfiguration.class, ExchangeIntegrationAutoConfiguration.class))
		.withUserConfiguration(VolumeConfiguration.class)
		.withBean(Recorder.class)
		.withPropertyValues("exchange-integration.exchanges.trades.url=" + exchange.url(),
				"exchange-integration.exchanges.trades.subscriptions[0]=" + SUBSCRIBE,
				"exchange-integration.exchanges.trades.reconnect.initial-backoff=50ms",
				"exchange-integration.exchanges.trades.reconnect.jitter=0");

	@AfterEach
	void reset() {
		exchange.reset();
	}

	@Test
	void extensionStartsTheExchangeBeforeAllTests() {
		assertThat(exchange.isRunning()).isTrue();
		assertThat(exchange.url()).matches("ws://127\\.0\\.0\\.1:\\d+/");
	}

	@Test
	void scriptedAckMakesTheStreamLiveAndTradesReachTheListenerAcrossADrop() {
		exchange.onMessage((message) -> message.contains("\"SUBSCRIBE\""), "{\"result\":null,\"id\":1}");
		int before = exchange.connections();
		this.contextRunner.withPropertyValues(VOLUMES)
			.withBean(Volumes.class)
			.withPropertyValues(ACKS)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				exchange.awaitConnections(before + 1, TIMEOUT);
				ExchangeStream<?> stream = context.getBean("trades.exchangeStream", ExchangeStream.class);
				await().atMost(TIMEOUT).until(() -> stream.state() == ConnectionState.LIVE);
				assertThat(exchange.received()).containsExactly(SUBSCRIBE);
				exchange.send(BinanceMessage.trade("BTCUSDT", "1.5"));
				exchange.send(BinanceMessage.trade("BTCUSDT", "2"));
				Volumes volumes = context.getBean(Volumes.class);
				await().atMost(TIMEOUT).until(() -> volumes.received.size() == 2);

				exchange.dropConnections();
				exchange.awaitConnections(before + 2, TIMEOUT);
				await().atMost(TIMEOUT).until(() -> exchange.received().size() == 2);
				assertThat(exchange.received()).containsExactly(SUBSCRIBE, SUBSCRIBE);
				await().atMost(TIMEOUT).until(() -> stream.state() == ConnectionState.LIVE);
				exchange.send(BinanceMessage.trade("BTCUSDT", "0.25"));
				await().atMost(TIMEOUT).until(() -> volumes.received.size() == 3);
				assertThat(volumes.received).containsExactly(new Volume("BTCUSDT", new BigDecimal("1.5"), 1),
						new Volume("BTCUSDT", new BigDecimal("3.5"), 2),
						new Volume("BTCUSDT", new BigDecimal("3.75"), 3));
				ExchangeErrorEvent closed = context.getBean(Recorder.class)
					.awaitError((error) -> error.getKind() == ErrorKind.CLOSED);
				assertThat(closed.getCloseStatus().code()).isEqualTo(1006);
			});
	}

	@Test
	void withoutTheScriptedAckTheSubscriptionIsNeverAcknowledged() {
		this.contextRunner.withPropertyValues(VOLUMES)
			.withBean(Volumes.class)
			.withPropertyValues(ACKS)
			.withPropertyValues("exchange-integration.exchanges.trades.subscription-ack.timeout=200ms")
			.run((context) -> {
				ExchangeErrorEvent error = context.getBean(Recorder.class)
					.awaitError((event) -> event.getKind() == ErrorKind.SUBSCRIPTION);
				assertThat(error.getError()).hasMessageContaining("trades");
			});
	}

	@Test
	void replaySendsTheCapturedFramesInOrder() throws Exception {
		Path capture = new ClassPathResource("replay/binance-futures-2021-07-22.capture").getFile().toPath();
		int before = exchange.connections();
		this.contextRunner.withPropertyValues("exchange-integration.exchanges.trades.parser=text")
			.withBean(Texts.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				exchange.awaitConnections(before + 1, TIMEOUT);
				await().atMost(TIMEOUT).until(() -> exchange.received().size() == 1);
				exchange.replay(capture);
				List<String> expected = CaptureLines.payloads(capture);
				Texts texts = context.getBean(Texts.class);
				await().atMost(TIMEOUT).until(() -> texts.received.size() >= expected.size());
				assertThat(texts.received).containsExactlyElementsOf(expected);
			});
	}

	@Test
	void binaryFramesArriveByteForByte() {
		byte[] payload = { 0, 1, 2, (byte) 0xFF, '\n' };
		int before = exchange.connections();
		this.contextRunner.withPropertyValues("exchange-integration.exchanges.trades.parser=bytes")
			.withBean(Payloads.class)
			.run((context) -> {
				exchange.awaitConnections(before + 1, TIMEOUT);
				await().atMost(TIMEOUT).until(() -> exchange.received().size() == 1);
				exchange.sendBinary(payload);
				exchange.send("text");
				Payloads payloads = context.getBean(Payloads.class);
				await().atMost(TIMEOUT).until(() -> payloads.received.size() == 2);
				assertThat(payloads.received.get(0)).isEqualTo(payload);
				assertThat(payloads.received.get(1)).isEqualTo("text".getBytes(StandardCharsets.UTF_8));
			});
	}

	@Test
	void sendingWithNoClientConnectedFailsSayingSo() {
		assertThatIllegalStateException().isThrownBy(() -> exchange.send("{}"))
			.withMessageContaining("No client is connected to the fake exchange");
	}

	@Test
	void awaitingConnectionsThatDoNotComeFails() {
		int count = exchange.connections() + 1;
		org.assertj.core.api.Assertions.assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> exchange.awaitConnections(count, Duration.ofMillis(50)))
			.withMessageStartingWith("Expected " + count + " connection(s) to the fake exchange within PT0.05S");
	}

	static class Volumes {

		final List<Volume> received = new CopyOnWriteArrayList<>();

		@ExchangeListener("trades")
		void on(Volume volume) {
			this.received.add(volume);
		}

	}

	static class Payloads {

		final List<byte[]> received = new CopyOnWriteArrayList<>();

		@ExchangeListener("trades")
		void on(byte[] payload) {
			this.received.add(payload);
		}

	}

	static class Texts {

		final List<String> received = new CopyOnWriteArrayList<>();

		@ExchangeListener("trades")
		void on(String text) {
			this.received.add(text);
		}

	}

}
