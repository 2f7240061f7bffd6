package dev.exchangeintegration.rest;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.exchangeintegration.annotation.ExchangeListener;
import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.event.ExchangeErrorEvent;
import dev.exchangeintegration.test.Recorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.exchangeintegration.test.ConfigurationFailures.assertInvalid;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * REST polling as a stream, against WireMock on 127.0.0.1: every response body goes
 * through the parser, transformer and listeners; a failing poll is an error event and
 * polling goes on.
 */
class RestPollingTests {

	private static final String PATH = "/fapi/v1/premiumIndex";

	private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(RestClientTestSupport.AUTO_CONFIGURATIONS)
		.withBean(Recorder.class)
		.withBean(PremiumIndexListener.class)
		.withPropertyValues("exchange-integration.exchanges.premium.protocol=rest-poll",
				"exchange-integration.exchanges.premium.interval=20ms",
				"exchange-integration.exchanges.premium.message-type=" + PremiumIndex.class.getName());

	@BeforeEach
	void start() {
		this.server.start();
		this.server.stubFor(get(urlPathEqualTo(PATH)).inScenario("polls")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson(index("30000.10")))
			.willSetStateTo("failing"));
		this.server.stubFor(get(urlPathEqualTo(PATH)).inScenario("polls")
			.whenScenarioStateIs("failing")
			.willReturn(aResponse().withStatus(500).withBody("{\"code\":-1000,\"msg\":\"Internal error\"}"))
			.willSetStateTo("recovered"));
		this.server.stubFor(get(urlPathEqualTo(PATH)).inScenario("polls")
			.whenScenarioStateIs("recovered")
			.willReturn(okJson(index("30001.20"))));
	}

	@AfterEach
	void stop() {
		this.server.stop();
	}

	@Test
	void pollsThroughANamedClientDeliverEveryBodyAndSkipAFailingPollWithAnErrorEvent() {
		this.contextRunner
			.withPropertyValues("exchange-integration.rest.binance.base-url=" + this.server.baseUrl(),
					"exchange-integration.rest.binance.error-parser=binance",
					"exchange-integration.rest.binance.retry.max-attempts=0",
					"exchange-integration.exchanges.premium.client=binance",
					"exchange-integration.exchanges.premium.path=" + PATH,
					"exchange-integration.exchanges.premium.query.symbol=BTCUSDT")
			.run((context) -> {
				PremiumIndexListener listener = context.getBean(PremiumIndexListener.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> listener.indexes.size() >= 2);
				assertThat(listener.indexes.subList(0, 2)).containsExactly(
						new PremiumIndex("BTCUSDT", new BigDecimal("30000.10")),
						new PremiumIndex("BTCUSDT", new BigDecimal("30001.20")));
				ExchangeErrorEvent error = context.getBean(Recorder.class).awaitError(0);
				assertThat(error.getExchange()).isEqualTo("premium");
				assertThat(error.getKind()).isEqualTo(ErrorKind.CONNECTION);
				assertThat(error.getError()).isInstanceOfSatisfying(ExchangeApiException.class, (ex) -> {
					assertThat(ex.getStatus()).isEqualTo(500);
					assertThat(ex.getCode()).isEqualTo("-1000");
				});
				this.server.verify(getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("symbol", equalTo("BTCUSDT")));
			});
	}

	@Test
	void pollsAPlainUrlWithItsQueryAndRetriesAFailedPoll() {
		this.contextRunner
			.withPropertyValues(
					"exchange-integration.exchanges.premium.url=" + this.server.baseUrl() + PATH + "?symbol=BTCUSDT")
			.run((context) -> {
				PremiumIndexListener listener = context.getBean(PremiumIndexListener.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> listener.indexes.size() >= 2);
				assertThat(listener.indexes.subList(0, 2)).containsExactly(
						new PremiumIndex("BTCUSDT", new BigDecimal("30000.10")),
						new PremiumIndex("BTCUSDT", new BigDecimal("30001.20")));
				this.server.verify(getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("symbol", equalTo("BTCUSDT")));
				// a plain url gets a client with the default retries: the 500 was retried
				// away
				assertThat(context.getBean(Recorder.class).errors()).isEmpty();
			});
	}

	@Test
	void pollingRespectsTheClientRateLimits() {
		this.contextRunner
			.withPropertyValues("exchange-integration.rest.binance.base-url=" + this.server.baseUrl(),
					"exchange-integration.rest.binance.rate-limits[0].name=weight",
					"exchange-integration.rest.binance.rate-limits[0].limit=3",
					"exchange-integration.rest.binance.rate-limits[0].period=1h",
					"exchange-integration.rest.binance.rate-limit-max-wait=50ms",
					"exchange-integration.exchanges.premium.client=binance",
					"exchange-integration.exchanges.premium.path=" + PATH)
			.run((context) -> {
				Recorder recorder = context.getBean(Recorder.class);
				// three polls fit the hour's capacity; the fourth is refused, not sent
				await().atMost(Duration.ofSeconds(10))
					.until(() -> recorder.errors()
						.stream()
						.anyMatch((error) -> error.getError() instanceof RateLimitExceededException));
				assertThat(this.server.findAll(getRequestedFor(urlPathEqualTo(PATH)))).hasSize(3);
			});
	}

	@Test
	void pollingThroughAnUnknownClientFailsNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("exchange-integration.exchanges.premium.client=missing",
					"exchange-integration.exchanges.premium.path=" + PATH)
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.premium.client",
					"Exchange 'premium' polls with REST client 'missing', which is not configured."));
	}

	private static String index(String markPrice) {
		return "{\"symbol\":\"BTCUSDT\",\"markPrice\":\"" + markPrice + "\",\"indexPrice\":\"29990.00\","
				+ "\"lastFundingRate\":\"0.00010000\",\"time\":1626992741000}";
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record PremiumIndex(String symbol, BigDecimal markPrice) {

	}

	static class PremiumIndexListener {

		final List<PremiumIndex> indexes = new CopyOnWriteArrayList<>();

		@ExchangeListener("premium")
		void on(PremiumIndex index) {
			this.indexes.add(index);
		}

	}

}
