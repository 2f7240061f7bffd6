package dev.exchangeintegration;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.exchangeintegration.annotation.ExchangeListener;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;
import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.core.ExchangeStream;
import dev.exchangeintegration.core.Transformer;
import dev.exchangeintegration.event.ExchangeErrorEvent;
import dev.exchangeintegration.test.BinanceMessage;
import dev.exchangeintegration.test.Recorder;
import dev.exchangeintegration.test.TestWebSocketServer;
import dev.exchangeintegration.test.Volume;
import dev.exchangeintegration.test.VolumeConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End-to-end tests through a real WebSocket server on loopback.
 */
class ExchangeStreamEndToEndTests {

	private static final String SUBSCRIBE = "{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@aggTrade\"],\"id\":1}";

	private final TestWebSocketServer server = new TestWebSocketServer();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(JacksonAutoConfiguration.class, ExchangeIntegrationAutoConfiguration.class))
		.withPropertyValues("exchange-integration.exchanges.binance.url=" + this.server.url(),
				"exchange-integration.exchanges.binance.subscriptions[0]=" + SUBSCRIBE,
				"exchange-integration.exchanges.binance.transformer=volumeTransformer")
		.withBean(Recorder.class);

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void listenerReceivesEveryOutputInOrderAfterSubscriptionIsSent() {
		this.contextRunner.withUserConfiguration(VolumeConfiguration.class, ListenerConfiguration.class)
			.run((context) -> {
				this.server.awaitReceived(1);
				assertThat(this.server.received()).containsExactly(SUBSCRIBE);
				this.server.sendText("{\"result\":null,\"id\":1}");
				List<Volume> expected = sendTrades(200);
				VolumeListener listener = context.getBean(VolumeListener.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> listener.volumes.size() >= 200);
				assertThat(listener.volumes).containsExactlyElementsOf(expected);
				assertThat(context.getBean(Recorder.class).errors()).isEmpty();
			});
	}

	@Test
	void fluxInjectedByQualifierAndByTypeReceivesEveryOutputInOrder() {
		this.contextRunner.withUserConfiguration(VolumeConfiguration.class, FluxConsumerConfiguration.class)
			.run((context) -> {
				FluxConsumer consumer = context.getBean(FluxConsumer.class);
				this.server.awaitReceived(1);
				List<Volume> expected = sendTrades(200);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> consumer.byQualifier.size() >= 200 && consumer.byType.size() >= 200
							&& consumer.fromStream.size() >= 200);
				assertThat(consumer.byQualifier).containsExactlyElementsOf(expected);
				assertThat(consumer.byType).containsExactlyElementsOf(expected);
				assertThat(consumer.fromStream).containsExactlyElementsOf(expected);
				assertThat(consumer.stream.name()).isEqualTo("binance");
			});
	}

	@Test
	void malformedFrameIsReportedAndFollowingFramesAreDelivered() {
		this.contextRunner.withUserConfiguration(VolumeConfiguration.class, ListenerConfiguration.class)
			.run((context) -> {
				this.server.awaitReceived(1);
				this.server.sendText(BinanceMessage.trade("SUSHIUSDT", "1.5"), "{\"e\":\"aggTrade\",\"q\":",
						BinanceMessage.trade("SUSHIUSDT", "2.25"));
				VolumeListener listener = context.getBean(VolumeListener.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> listener.volumes.size() >= 2);
				assertThat(listener.volumes).containsExactly(new Volume("SUSHIUSDT", new BigDecimal("1.5"), 1),
						new Volume("SUSHIUSDT", new BigDecimal("3.75"), 2));
				ExchangeErrorEvent error = context.getBean(Recorder.class).awaitError(0);
				assertThat(error.getExchange()).isEqualTo("binance");
				assertThat(error.getKind()).isEqualTo(ErrorKind.PARSE);
				assertThat(error.getExcerpt()).isEqualTo("{\"e\":\"aggTrade\",\"q\":");
				assertThat(error.getError()).isInstanceOf(tools.jackson.core.JacksonException.class);
			});
	}

	@Test
	void transformerExceptionIsReportedAfterDeliveringOutputsEmittedBeforeIt() {
		this.contextRunner.withUserConfiguration(VolumeConfiguration.class, ListenerConfiguration.class)
			.run((context) -> {
				this.server.awaitReceived(1);
				this.server.sendText(BinanceMessage.trade("SUSHIUSDT", "1"), BinanceMessage.trade("SUSHIUSDT", "-3"),
						BinanceMessage.trade("SUSHIUSDT", "2"));
				VolumeListener listener = context.getBean(VolumeListener.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> listener.volumes.size() >= 3);
				assertThat(listener.volumes).containsExactly(new Volume("SUSHIUSDT", BigDecimal.ONE, 1),
						new Volume("REJECTED", new BigDecimal("-3"), 1),
						new Volume("SUSHIUSDT", new BigDecimal("3"), 2));
				ExchangeErrorEvent error = context.getBean(Recorder.class).awaitError(0);
				assertThat(error.getKind()).isEqualTo(ErrorKind.TRANSFORM);
				assertThat(error.getError()).hasMessage("negative quantity -3");
				assertThat(error.getExcerpt()).isEqualTo(BinanceMessage.trade("SUSHIUSDT", "-3"));
			});
	}

	@Test
	void closeFrameIsReportedWithItsCodeAndCompletesTheStreamWhenReconnectionIsDisabled() {
		this.contextRunner.withUserConfiguration(VolumeConfiguration.class, FluxConsumerConfiguration.class)
			.withPropertyValues("exchange-integration.exchanges.binance.reconnect.enabled=false")
			.run((context) -> {
				FluxConsumer consumer = context.getBean(FluxConsumer.class);
				this.server.awaitReceived(1);
				this.server.sendText(BinanceMessage.trade("SUSHIUSDT", "1"));
				this.server.close(1001, "going away");
				ExchangeErrorEvent error = context.getBean(Recorder.class).awaitError(0);
				assertThat(error.getKind()).isEqualTo(ErrorKind.CLOSED);
				assertThat(error.getCloseStatus()).isNotNull();
				assertThat(error.getCloseStatus().code()).isEqualTo(1001);
				assertThat(error.getCloseStatus().reason()).isEqualTo("going away");
				await().atMost(Duration.ofSeconds(10)).untilTrue(consumer.completed);
				assertThat(consumer.byQualifier).containsExactly(new Volume("SUSHIUSDT", BigDecimal.ONE, 1));
			});
	}

	@Test
	void pingIsAnsweredWithItsPayloadAndNeitherPingNorPongReachesTheTransformer() {
		this.contextRunner.withUserConfiguration(VolumeConfiguration.class, ListenerConfiguration.class)
			.run((context) -> {
				this.server.awaitReceived(1);
				this.server.sendPing("are you there");
				this.server.sendText(BinanceMessage.trade("SUSHIUSDT", "1"));
				this.server.sendPing("still there");
				this.server.sendText(BinanceMessage.trade("SUSHIUSDT", "2"));
				VolumeListener listener = context.getBean(VolumeListener.class);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> listener.volumes.size() >= 2 && this.server.pongs().size() >= 2);
				assertThat(this.server.pongs()).containsExactly("are you there", "still there");
				assertThat(listener.volumes).containsExactly(new Volume("SUSHIUSDT", BigDecimal.ONE, 1),
						new Volume("SUSHIUSDT", new BigDecimal("3"), 2));
				assertThat(context.getBean(Recorder.class).errors()).isEmpty();
			});
	}

	@Test
	void listenerExceptionIsReportedAndAffectsNoOtherListener() {
		this.contextRunner
			.withUserConfiguration(VolumeConfiguration.class, ListenerConfiguration.class,
					FailingListenerConfiguration.class)
			.run((context) -> {
				this.server.awaitReceived(1);
				List<Volume> expected = sendTrades(3);
				VolumeListener listener = context.getBean(VolumeListener.class);
				FailingListener failing = context.getBean(FailingListener.class);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> listener.volumes.size() >= 3 && failing.calls.size() >= 3);
				assertThat(listener.volumes).containsExactlyElementsOf(expected);
				assertThat(failing.calls).containsExactlyElementsOf(expected);
				ExchangeErrorEvent error = context.getBean(Recorder.class).awaitError(0);
				assertThat(error.getKind()).isEqualTo(ErrorKind.LISTENER);
				assertThat(error.getError()).hasRootCauseMessage("listener failed on trade 2");
				assertThat(context.getBean(Recorder.class).errors()).hasSize(1);
			});
	}

	@Test
	void slowListenerDelaysNeitherAnotherListenerNorAnotherExchange() {
		try (TestWebSocketServer other = new TestWebSocketServer()) {
			this.contextRunner.withUserConfiguration(VolumeConfiguration.class, SlowListenerConfiguration.class)
				.withPropertyValues("exchange-integration.exchanges.other.url=" + other.url(),
						"exchange-integration.exchanges.other.message-type=java.lang.String")
				.run((context) -> {
					SlowListeners listeners = context.getBean(SlowListeners.class);
					this.server.awaitReceived(1);
					List<Volume> expected = sendTrades(500);
					await().atMost(Duration.ofSeconds(10)).until(() -> listeners.fast.size() >= 500);
					other.sendText("a", "b", "c");
					await().atMost(Duration.ofSeconds(10)).until(() -> listeners.other.size() >= 3);
					// the slow listener is still blocked on its first output
					assertThat(listeners.slowCalls).hasSize(1);
					assertThat(listeners.fast).containsExactlyElementsOf(expected);
					assertThat(listeners.other).containsExactly("a", "b", "c");
					listeners.release.countDown();
					await().atMost(Duration.ofSeconds(10)).until(() -> listeners.slowCalls.size() >= 500);
					assertThat(listeners.slowCalls).containsExactlyElementsOf(expected);
				});
		}
	}

	@Test
	void jsonNodeIsTheOutputWithoutTransformerOrMessageType() {
		this.contextRunner.withPropertyValues("exchange-integration.exchanges.binance.transformer=")
			.withUserConfiguration(JsonNodeConfiguration.class)
			.run((context) -> {
				this.server.awaitReceived(1);
				this.server.sendText("{\"a\":1}", "[1,2]");
				JsonNodeListener listener = context.getBean(JsonNodeListener.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> listener.nodes.size() >= 2);
				assertThat(listener.nodes.get(0).get("a").asInt()).isEqualTo(1);
				assertThat(listener.nodes.get(1).isArray()).isTrue();
				assertThat(listener.nodes.get(1).size()).isEqualTo(2);
			});
	}

	@Test
	void textAndBinaryFramesReachStringAndByteArrayTransformers() {
		this.contextRunner
			.withPropertyValues("exchange-integration.exchanges.binance.transformer=bytesTransformer",
					"exchange-integration.exchanges.text.url=" + this.server.url().replace("/ws", "/ws"),
					"exchange-integration.exchanges.text.enabled=false")
			.withUserConfiguration(BytesConfiguration.class)
			.run((context) -> {
				this.server.awaitReceived(1);
				byte[] binary = { 0, 1, 2, (byte) 0xFF };
				this.server.sendBinary(binary);
				this.server.sendText("héllo");
				BytesListener listener = context.getBean(BytesListener.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> listener.lengths.size() >= 2);
				assertThat(listener.lengths).containsExactly("4:00 01 02 ff",
						"6:" + hex("héllo".getBytes(StandardCharsets.UTF_8)));
			});
	}

	@Test
	void keepsTheJvmAliveWhileRunningAndOnShutdownSendsCloseFrameAndLeavesNoThreadBehind() {
		this.contextRunner.withUserConfiguration(VolumeConfiguration.class, ListenerConfiguration.class)
			.run((context) -> {
				this.server.awaitReceived(1);
				sendTrades(1);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> context.getBean(VolumeListener.class).volumes.size() == 1);
				assertThat(nonDaemonThreads()).containsExactly("exchange-keep-alive");
				context.close();
				assertThat(this.server.awaitClientClose().code()).isEqualTo(1000);
			});
		await().atMost(Duration.ofSeconds(10)).until(() -> exchangeThreads().isEmpty());
	}

	private static List<String> nonDaemonThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && !thread.isDaemon())
			.map(Thread::getName)
			.filter((name) -> name.startsWith("exchange-"))
			.toList();
	}

	private static List<String> exchangeThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(Thread::isAlive)
			.map(Thread::getName)
			.filter((name) -> name.startsWith("exchange-"))
			.toList();
	}

	private List<Volume> sendTrades(int count) {
		List<Volume> expected = new ArrayList<>();
		BigDecimal total = BigDecimal.ZERO;
		for (int i = 1; i <= count; i++) {
			BigDecimal quantity = BigDecimal.valueOf(i, 3);
			total = total.add(quantity);
			expected.add(new Volume("SUSHIUSDT", total, i));
			this.server.sendText(BinanceMessage.trade("SUSHIUSDT", quantity.toPlainString()));
		}
		return expected;
	}

	private static String hex(byte[] bytes) {
		StringBuilder hex = new StringBuilder();
		for (byte b : bytes) {
			hex.append(hex.isEmpty() ? "" : " ").append(String.format("%02x", b));
		}
		return hex.toString();
	}

	@Configuration(proxyBeanMethods = false)
	static class ListenerConfiguration {

		@Bean
		VolumeListener volumeListener() {
			return new VolumeListener();
		}

	}

	static class VolumeListener {

		final List<Volume> volumes = new CopyOnWriteArrayList<>();

		@ExchangeListener("binance")
		void onVolume(Volume volume) {
			this.volumes.add(volume);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingListenerConfiguration {

		@Bean
		FailingListener failingListener() {
			return new FailingListener();
		}

	}

	static class FailingListener {

		final List<Volume> calls = new CopyOnWriteArrayList<>();

		@ExchangeListener("binance")
		void onVolume(Volume volume) {
			this.calls.add(volume);
			if (volume.trades() == 2) {
				throw new IllegalStateException("listener failed on trade 2");
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FluxConsumerConfiguration {

		@Bean
		FluxConsumer fluxConsumer(@Qualifier("binance") Flux<Volume> byQualifier, Flux<Volume> byType,
				@Qualifier("binance") ExchangeStream<Volume> stream) {
			return new FluxConsumer(byQualifier, byType, stream);
		}

	}

	static class FluxConsumer {

		final List<Volume> byQualifier = new CopyOnWriteArrayList<>();

		final List<Volume> byType = new CopyOnWriteArrayList<>();

		final List<Volume> fromStream = new CopyOnWriteArrayList<>();

		final AtomicBoolean completed = new AtomicBoolean();

		final ExchangeStream<Volume> stream;

		FluxConsumer(Flux<Volume> byQualifier, Flux<Volume> byType, ExchangeStream<Volume> stream) {
			this.stream = stream;
			byQualifier.subscribe(this.byQualifier::add, (ex) -> {
			}, () -> this.completed.set(true));
			byType.subscribe(this.byType::add);
			stream.flux().subscribe(this.fromStream::add);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SlowListenerConfiguration {

		@Bean
		SlowListeners slowListeners() {
			return new SlowListeners();
		}

	}

	static class SlowListeners {

		final CountDownLatch release = new CountDownLatch(1);

		final List<Volume> slowCalls = new CopyOnWriteArrayList<>();

		final List<Volume> fast = new CopyOnWriteArrayList<>();

		final List<String> other = new CopyOnWriteArrayList<>();

		@ExchangeListener("binance")
		void slow(Volume volume) throws InterruptedException {
			this.slowCalls.add(volume);
			this.release.await(30, TimeUnit.SECONDS);
		}

		@ExchangeListener("binance")
		void fast(Volume volume) {
			this.fast.add(volume);
		}

		@ExchangeListener("other")
		void other(String text) {
			this.other.add(text);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class JsonNodeConfiguration {

		@Bean
		JsonNodeListener jsonNodeListener() {
			return new JsonNodeListener();
		}

	}

	static class JsonNodeListener {

		final List<JsonNode> nodes = new CopyOnWriteArrayList<>();

		@ExchangeListener("binance")
		void on(JsonNode node) {
			this.nodes.add(node);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BytesConfiguration {

		@Bean
		Transformer<byte[], String> bytesTransformer() {
			return (bytes, out) -> out.accept(bytes.length + ":" + hex(bytes));
		}

		@Bean
		BytesListener bytesListener() {
			return new BytesListener();
		}

	}

	static class BytesListener {

		final List<String> lengths = new CopyOnWriteArrayList<>();

		@ExchangeListener("binance")
		void on(String text) {
			this.lengths.add(text);
		}

	}

}
