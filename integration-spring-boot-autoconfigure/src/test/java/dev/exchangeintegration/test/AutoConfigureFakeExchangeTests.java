package dev.exchangeintegration.test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.exchangeintegration.annotation.ExchangeListener;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link AutoConfigureFakeExchange} in a {@code @SpringBootTest}, as an application's
 * test would use it: the declared exchange, here a replay of a file that does not exist
 * with a url where nothing listens, becomes a WebSocket exchange of the fake exchange's
 * url, which is injected. The context is closed after the class, so that its stream does
 * not outlive it in Spring's context cache.
 */
@SpringBootTest(properties = { "exchange-integration.exchanges.trades.protocol=replay",
		"exchange-integration.exchanges.trades.replay.path=/nowhere.capture",
		"exchange-integration.exchanges.trades.url=ws://127.0.0.1:9/nowhere",
		"exchange-integration.exchanges.trades.subscriptions[0]=" + AutoConfigureFakeExchangeTests.SUBSCRIBE,
		"exchange-integration.exchanges.trades.subscription-ack.id-pointer=/id",
		"exchange-integration.exchanges.trades.transformer=volumeTransformer" })
@AutoConfigureFakeExchange("trades")
@DirtiesContext
class AutoConfigureFakeExchangeTests {

	static final String SUBSCRIBE = "{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@aggTrade\"],\"id\":7}";

	@Autowired
	private FakeExchange exchange;

	@Autowired
	private Volumes volumes;

	@Autowired
	private Environment environment;

	@Test
	void exchangeIsPointedAtTheInjectedFakeExchange() {
		assertThat(this.exchange.isRunning()).isTrue();
		assertThat(this.environment.getProperty("exchange-integration.exchanges.trades.url"))
			.isEqualTo(this.exchange.url());
		assertThat(this.environment.getProperty("exchange-integration.exchanges.trades.protocol"))
			.isEqualTo("websocket");
		this.exchange.awaitConnections(1, Duration.ofSeconds(10));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.exchange.received().contains(SUBSCRIBE));
		this.exchange.send("{\"result\":null,\"id\":7}");
		this.exchange.send(BinanceMessage.trade("ETHUSDT", "4"));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.volumes.received.size() == 1);
		assertThat(this.volumes.received).containsExactly(new Volume("ETHUSDT", new BigDecimal("4"), 1));
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, ExchangeIntegrationAutoConfiguration.class })
	@Import(VolumeConfiguration.class)
	static class Application {

		@Bean
		Volumes volumes() {
			return new Volumes();
		}

	}

	static class Volumes {

		final List<Volume> received = new CopyOnWriteArrayList<>();

		@ExchangeListener("trades")
		void on(Volume volume) {
			this.received.add(volume);
		}

	}

}
