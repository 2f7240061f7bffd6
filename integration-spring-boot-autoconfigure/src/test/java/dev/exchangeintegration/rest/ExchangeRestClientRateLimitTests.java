package dev.exchangeintegration.rest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ContextConsumer;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.exchangeintegration.rest.RestClientTestSupport.RESPONSE_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rate limits of {@link ExchangeRestClient}s declared in YAML, as WireMock sees the
 * requests arrive: concurrent requests wait for capacity and none is lost, the rate in
 * every clock-aligned window stays within the limit, and a usage header resynchronises
 * the limiter.
 */
class ExchangeRestClientRateLimitTests extends AbstractExchangeRestClientTests {

	private static final String YAML = """
			exchange-integration:
			  rest:
			    limited:
			      base-url: ${wiremock.url}
			      rate-limits:
			        - name: per-second
			          limit: 50
			          period: 1s
			      rate-limit-max-wait: 10s
			    weighted:
			      base-url: ${wiremock.url}
			      rate-limits:
			        - name: weight
			          limit: 2400
			          period: 1h
			          usage-header: X-MBX-USED-WEIGHT-1M
			      rate-limit-max-wait: 100ms
			""";

	private static final TestRequest<String> TICKER_PRICE = TestRequest.get("/api/v3/ticker/price", String.class,
			Map.of("symbol", "BTCUSDT"));

	private static final TestRequest<String> ACCOUNT = TestRequest.get("/api/v3/account", String.class).withWeight(20);

	private void run(ContextConsumer<AssertableApplicationContext> test) {
		contextRunner(YAML).run(test);
	}

	@Test
	void concurrentRequestsWaitForCapacityAndNoneIsLost() {
		server.stubFor(get(urlPathEqualTo("/api/v3/ticker/price"))
			.willReturn(okJson("{\"symbol\":\"BTCUSDT\",\"price\":\"1\"}")));
		run((context) -> {
			ExchangeRestClient client = client(context, "limited");
			// start early in a second, so that the first 50, sent at once, all arrive in
			// the window they were granted in
			await().pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(2))
				.atMost(Duration.ofSeconds(2))
				.until(() -> System.currentTimeMillis() % 1000 < 100);
			List<String> prices = Flux.range(0, 200)
				.flatMap((i) -> client.execute(TICKER_PRICE), 200)
				.collectList()
				.block(Duration.ofSeconds(15));
			assertThat(prices).hasSize(200).containsOnly("{\"symbol\":\"BTCUSDT\",\"price\":\"1\"}");
			await().atMost(Duration.ofSeconds(2))
				.untilAsserted(() -> assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/api/v3/ticker/price"))))
					.hasSize(200));
			List<LoggedRequest> requests = server.findAll(getRequestedFor(urlPathEqualTo("/api/v3/ticker/price")));
			Map<Long, Long> perWindow = requests.stream()
				.collect(Collectors.groupingBy((request) -> request.getLoggedDate().getTime() / 1000, TreeMap::new,
						Collectors.counting()));
			Map<Long, String> arrivals = requests.stream()
				.collect(Collectors.groupingBy((request) -> request.getLoggedDate().getTime() / 1000, TreeMap::new,
						Collectors.collectingAndThen(
								Collectors.summarizingLong((request) -> request.getLoggedDate().getTime() % 1000),
								(stats) -> stats.getMin() + "-" + stats.getMax() + " ms")));
			System.out.println("Requests per clock-aligned 1 s window (epoch second=count): " + perWindow
					+ "; arrival offsets within each window: " + arrivals);
			assertThat(perWindow.values()).allSatisfy((count) -> assertThat(count).isLessThanOrEqualTo(50L));
			assertThat(perWindow).hasSizeGreaterThanOrEqualTo(4);
		});
	}

	@Test
	void usageHeaderResynchronisesTheLimiter() {
		server.stubFor(get(urlPathEqualTo("/api/v3/account"))
			.willReturn(okJson("{\"canTrade\":true}").withHeader("X-MBX-USED-WEIGHT-1M", "2390")));
		server.stubFor(get(urlPathEqualTo("/api/v3/ticker/price"))
			.willReturn(okJson("{\"symbol\":\"BTCUSDT\",\"price\":\"1\"}")));
		run((context) -> {
			DefaultExchangeRestClient client = context.getBean("weighted.restClient", DefaultExchangeRestClient.class);
			RestRateLimiter limiter = client.rateLimiter();
			assertThat(limiter.available("weight")).isEqualTo(2400);
			assertThat(client.execute(ACCOUNT).block(RESPONSE_TIMEOUT)).isEqualTo("{\"canTrade\":true}");
			// the exchange says 2390 of 2400 are used
			assertThat(limiter.available("weight")).isEqualTo(10);
			for (int i = 0; i < 10; i++) {
				client.execute(TICKER_PRICE).block(RESPONSE_TIMEOUT);
			}
			assertThat(limiter.available("weight")).isZero();
			StepVerifier.create(client.execute(TICKER_PRICE))
				.expectErrorSatisfies(
						(ex) -> assertThat(ex).isInstanceOfSatisfying(RateLimitExceededException.class, (limited) -> {
							assertThat(limited.getLimit()).isEqualTo("weight");
							assertThat(limited)
								.hasMessage("Exchange REST client 'weighted': rate limit 'weight' has no "
										+ "capacity for weight 1 within PT0.1S; the request was not sent");
						}))
				.verify(Duration.ofSeconds(2));
			assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/api/v3/ticker/price")))).hasSize(10);
			assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/api/v3/account")))).hasSize(1);
		});
	}

}
