package dev.exchangeintegration.sample;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.exchangeintegration.annotation.ExchangeListener;
import dev.exchangeintegration.test.AutoConfigureFakeExchange;
import dev.exchangeintegration.test.FakeExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample against a {@link FakeExchange}, as a live WebSocket exchange instead of its
 * replay (which {@link AutoConfigureFakeExchange} switches to WebSocket): the
 * subscription is acknowledged, trades in their combined-stream envelopes are summed
 * whatever other events come between, and after the connection drops the sample
 * reconnects, subscribes again and goes on with the same rolling sum.
 */
@SpringBootTest(properties = { "exchange-integration.exchanges.binance-futures.subscription-ack.id-pointer=/id",
		"exchange-integration.exchanges.binance-futures.reconnect.initial-backoff=50ms",
		"exchange-integration.exchanges.premium-index.enabled=false" })
@AutoConfigureFakeExchange("binance-futures")
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class SampleFakeExchangeTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String ACK = "{\"result\":null,\"id\":1}";

	@Autowired
	private FakeExchange exchange;

	@Autowired
	private Volumes volumes;

	@Test
	void sumsTradesAcrossAReconnection(CapturedOutput output) {
		this.exchange.awaitConnections(1, TIMEOUT);
		await().atMost(TIMEOUT).until(() -> this.exchange.received().size() == 1);
		String subscribe = this.exchange.received().get(0);
		assertThat(subscribe).startsWith("{\"method\":\"SUBSCRIBE\"");
		// the client subscribed as the context started: acknowledge this time, and let a
		// script acknowledge the next subscriptions
		this.exchange.send(ACK);
		this.exchange.onMessage(subscribe::equals, ACK);
		this.exchange.send(trade("CTKUSDT", "10"));
		this.exchange.send("{\"stream\":\"ctkusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"s\":\"CTKUSDT\"}}");
		this.exchange.send(trade("SUSHIUSDT", "2.5"));
		await().atMost(TIMEOUT).until(() -> this.volumes.received.size() == 2);

		this.exchange.dropConnections();
		this.exchange.awaitConnections(2, TIMEOUT);
		await().atMost(TIMEOUT).until(() -> this.exchange.received().size() == 2);
		assertThat(this.exchange.received()).containsExactly(subscribe, subscribe);
		this.exchange.send(trade("AKROUSDT", "0.5"));
		await().atMost(TIMEOUT).until(() -> this.volumes.received.size() == 3);
		assertThat(this.volumes.received).containsExactly(
				new TradeVolume("CTKUSDT", new BigDecimal("10"), new BigDecimal("10")),
				new TradeVolume("SUSHIUSDT", new BigDecimal("2.5"), new BigDecimal("12.5")),
				new TradeVolume("AKROUSDT", new BigDecimal("0.5"), new BigDecimal("13.0")));
		await().atMost(TIMEOUT).until(() -> output.getOut().contains("CTKUSDT traded 10, rolling volume 10"));
	}

	private static String trade(String symbol, String quantity) {
		return "{\"stream\":\"" + symbol.toLowerCase() + "@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":1626992741575,"
				+ "\"s\":\"" + symbol + "\",\"p\":\"1.01100\",\"q\":\"" + quantity + "\",\"m\":false}}";
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class VolumesConfiguration {

		@Bean
		Volumes volumes() {
			return new Volumes();
		}

	}

	static class Volumes {

		final List<TradeVolume> received = new CopyOnWriteArrayList<>();

		@ExchangeListener("binance-futures")
		void on(TradeVolume volume) {
			this.received.add(volume);
		}

	}

}
