package dev.exchangeintegration.metrics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.exchangeintegration.annotation.ExchangeListener;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;
import dev.exchangeintegration.core.ConnectionState;
import dev.exchangeintegration.core.DefaultExchangeStream;
import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.test.BinanceMessage;
import dev.exchangeintegration.test.TestWebSocketServer;
import dev.exchangeintegration.test.Volume;
import dev.exchangeintegration.test.VolumeConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ExchangeStreamMetrics}: every meter, with exact counts, on a scripted
 * feed over a loopback WebSocket.
 */
class ExchangeStreamMetricsTests {

	private static final Duration AWAIT = Duration.ofSeconds(20);

	private final TestWebSocketServer server = new TestWebSocketServer();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				ExchangeIntegrationAutoConfiguration.class, ExchangeMetricsAutoConfiguration.class))
		.withPropertyValues("exchange-integration.exchanges.binance.url=" + this.server.url(),
				"exchange-integration.exchanges.binance.subscriptions[0]=subscribe",
				"exchange-integration.exchanges.binance.transformer=volumeTransformer",
				"exchange-integration.exchanges.binance.buffer-size=4",
				"exchange-integration.exchanges.binance.reconnect.initial-backoff=50ms",
				"management.metrics.distribution.percentiles.exchange.stream.delivery=0.5,0.99")
		.withUserConfiguration(VolumeConfiguration.class, SlowListenerConfiguration.class);

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void everyMeterCountsExactlyOnAScriptedFeed() {
		this.contextRunner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			DefaultExchangeStream<?, ?> stream = context.getBean(DefaultExchangeStream.class);
			SlowListener slow = context.getBean(SlowListener.class);
			this.server.awaitReceived(1);
			assertThat(gauge(registry, "exchange.stream.state", "state", "live")).isEqualTo(1);
			assertThat(gauge(registry, "exchange.stream.last.frame.age", null, null)).isNaN();
			List<String> frames = new ArrayList<>();
			frames.add(BinanceMessage.trade("BTCUSDT", "1"));
			this.server.sendText(frames.get(0));
			assertThat(slow.entered.await(10, TimeUnit.SECONDS)).isTrue();
			// 9 more trades, 2 malformed frames among them; the slow listener has one
			// output in hand: 4 are buffered and 5 dropped
			for (int i = 2; i <= 10; i++) {
				frames.add(BinanceMessage.trade("BTCUSDT", String.valueOf(i)));
				if (i == 4 || i == 7) {
					frames.add("{\"e\":\"aggTrade\",\"q\":");
				}
			}
			this.server.sendText(frames.subList(1, frames.size()).toArray(String[]::new));
			await().atMost(AWAIT).until(() -> counter(registry, "exchange.stream.frames", null, null) == 12);
			long bytes = frames.stream().mapToLong((frame) -> frame.getBytes(StandardCharsets.UTF_8).length).sum();
			assertThat(registry.get("exchange.stream.frames").tag("protocol", "websocket").functionCounter().count())
				.isEqualTo(12);
			assertThat(counter(registry, "exchange.stream.bytes", null, null)).isEqualTo(bytes);
			assertThat(counter(registry, "exchange.stream.outputs", null, null)).isEqualTo(10);
			assertThat(counter(registry, "exchange.stream.errors", "kind", "parse")).isEqualTo(2);
			assertThat(counter(registry, "exchange.stream.dropped", "consumer", "slow")).isEqualTo(5);
			assertThat(gauge(registry, "exchange.stream.consumer.buffered", "consumer", "slow")).isEqualTo(4);
			// drops are reported as the 1st, 2nd and 4th of the consumer
			assertThat(counter(registry, "exchange.stream.errors", "kind", "overflow")).isEqualTo(3);
			assertThat(gauge(registry, "exchange.stream.last.frame.age", null, null)).isBetween(0.0, 10.0);
			// one dropped connection
			this.server.abort();
			this.server.awaitConnections(2);
			await().atMost(AWAIT).until(() -> stream.state() == ConnectionState.LIVE);
			assertThat(counter(registry, "exchange.stream.reconnects", "reason", "closed")).isEqualTo(1);
			assertThat(counter(registry, "exchange.stream.reconnects", "reason", "connection")).isZero();
			assertThat(counter(registry, "exchange.stream.errors", "kind", "closed")).isEqualTo(1);
			for (ConnectionState state : ConnectionState.values()) {
				assertThat(gauge(registry, "exchange.stream.state", "state", state.name().toLowerCase()))
					.isEqualTo((state == ConnectionState.LIVE) ? 1 : 0);
			}
			for (ErrorKind kind : ErrorKind.values()) {
				assertThat(registry.get("exchange.stream.errors").tag("kind", kind.name().toLowerCase()).meters())
					.hasSize(1);
			}
			slow.release.countDown();
			await().atMost(AWAIT).until(() -> slow.received.size() == 5);
			Timer delivery = registry.get("exchange.stream.delivery").tag("consumer", "slow").timer();
			assertThat(delivery.count()).isEqualTo(5);
			// percentiles through Spring Boot's management.metrics.distribution.*
			assertThat(delivery.takeSnapshot().percentileValues()).hasSize(2);
			assertThat(gauge(registry, "exchange.stream.consumer.buffered", "consumer", "slow")).isZero();
			assertThat(registry.get("exchange.stream.frames").meters())
				.allSatisfy((meter) -> assertThat(meter.getId().getTag("exchange")).isEqualTo("binance"));
		});
	}

	@Test
	void noMeterBinderWithoutMicrometer() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
					ExchangeIntegrationAutoConfiguration.class, ExchangeMetricsAutoConfiguration.class))
			.withClassLoader(new org.springframework.boot.test.context.FilteredClassLoader(MeterRegistry.class))
			.withPropertyValues("exchange-integration.exchanges.binance.url=" + this.server.url())
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ExchangeStreamMetrics.class));
	}

	private static double counter(MeterRegistry registry, String name, String tag, String value) {
		var search = registry.get(name).tag("exchange", "binance");
		if (tag != null) {
			search = search.tag(tag, value);
		}
		return search.functionCounter().count();
	}

	private static double gauge(MeterRegistry registry, String name, String tag, String value) {
		var search = registry.get(name).tag("exchange", "binance");
		if (tag != null) {
			search = search.tag(tag, value);
		}
		return search.gauge().value();
	}

	@Configuration(proxyBeanMethods = false)
	static class SlowListenerConfiguration {

		@Bean
		SlowListener slowListener() {
			return new SlowListener();
		}

	}

	static class SlowListener {

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		final List<Volume> received = new java.util.concurrent.CopyOnWriteArrayList<>();

		@ExchangeListener(value = "binance", id = "slow", overflow = "drop-latest")
		void onVolume(Volume volume) throws InterruptedException {
			this.entered.countDown();
			this.release.await();
			this.received.add(volume);
		}

	}

}
