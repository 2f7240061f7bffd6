package dev.exchangeintegration.sample.replay;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReplayExchangeConfiguration}.
 */
class ReplayExchangeConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(ReplayExchangeConfiguration.class)
		.withPropertyValues("sample.replay.port=0");

	@Test
	void bindsDefaults() {
		this.contextRunner.run((context) -> {
			ReplayExchangeProperties properties = context.getBean(ReplayExchangeProperties.class);
			assertThat(properties.isEnabled()).isTrue();
			assertThat(properties.getSpeed()).isEqualTo(1.0);
			assertThat(properties.getCapture().getFilename()).isEqualTo("binance-futures-2021-07-22.capture");
			assertThat(new ReplayExchangeProperties().getPort()).isEqualTo(9477);
		});
	}

	@Test
	void startsReplayExchangeBeforeClientsOfTheContext() {
		this.contextRunner.withUserConfiguration(ClientConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(ReplayExchange.class).isRunning()).isTrue();
			assertThat(context.getBean(Client.class).firstFrame).isEqualTo("{\"result\":null,\"id\":1}");
		});
	}

	@Test
	void stopsReplayExchangeWithTheContext() {
		this.contextRunner.run((context) -> {
			ReplayExchange exchange = context.getBean(ReplayExchange.class);
			context.close();
			assertThat(exchange.isRunning()).isFalse();
		});
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("sample.replay.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ReplayExchange.class)
				.doesNotHaveBean(ReplayExchangeProperties.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class ClientConfiguration {

		@Bean
		Client client(ReplayExchange exchange) {
			return new Client(exchange);
		}

	}

	/**
	 * A client starting in the phase of exchange clients, which subscribes as it starts.
	 */
	static class Client implements SmartLifecycle {

		private final ReplayExchange exchange;

		private volatile String firstFrame;

		Client(ReplayExchange exchange) {
			this.exchange = exchange;
		}

		@Override
		public void start() {
			this.firstFrame = HttpClient.create()
				.websocket()
				.uri("ws://127.0.0.1:" + this.exchange.port() + "/ws")
				.handle((in, out) -> out
					.sendString(Mono.just("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@aggTrade\"],\"id\":1}"))
					.then()
					.thenMany(in.receive().asString()))
				.blockFirst(Duration.ofSeconds(10));
		}

		@Override
		public void stop() {
		}

		@Override
		public boolean isRunning() {
			return this.firstFrame != null;
		}

		@Override
		public int getPhase() {
			return Integer.MAX_VALUE - 512;
		}

	}

}
