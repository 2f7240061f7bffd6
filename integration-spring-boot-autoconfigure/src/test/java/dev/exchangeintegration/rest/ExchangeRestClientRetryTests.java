package dev.exchangeintegration.rest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ContextConsumer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.exchangeintegration.rest.RestClientTestSupport.RESPONSE_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Retries of {@link ExchangeRestClient}s declared in YAML, over HTTP: idempotent requests
 * are retried on 429 (after {@code Retry-After}) and 5xx, a bounded number of times; a
 * POST never is; a {@code Retry-After} longer than {@code retry.max-backoff} is not
 * waited for.
 */
class ExchangeRestClientRetryTests extends AbstractExchangeRestClientTests {

	private static final String YAML = """
			exchange-integration:
			  rest:
			    binance:
			      base-url: ${wiremock.url}
			      error-parser: binance
			      retry:
			        max-attempts: 2
			        initial-backoff: 50ms
			        max-backoff: 2s
			""";

	@SuppressWarnings("rawtypes")
	private static final TestRequest<Map> DEPTH = TestRequest.get("/api/v3/depth", Map.class,
			Map.of("symbol", "BTCUSDT"));

	@SuppressWarnings("rawtypes")
	private static final TestRequest<Map> TIME = TestRequest.get("/api/v3/time", Map.class,
			Map.of("symbol", "BTCUSDT"));

	@SuppressWarnings("rawtypes")
	private static final TestRequest<Map> ORDER = TestRequest.post("/api/v3/order", Map.class,
			Map.of("symbol", "BTCUSDT", "side", "BUY"));

	private void run(ContextConsumer<AssertableApplicationContext> test) {
		contextRunner(YAML).run(test);
	}

	@Test
	void getOn429IsRetriedAfterRetryAfter() {
		server.stubFor(get(urlPathEqualTo("/api/v3/depth")).inScenario("throttled")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429)
				.withHeader("Retry-After", "1")
				.withBody("{\"code\":-1003,\"msg\":\"Too many requests.\"}"))
			.willSetStateTo("recovered"));
		server.stubFor(get(urlPathEqualTo("/api/v3/depth")).inScenario("throttled")
			.whenScenarioStateIs("recovered")
			.willReturn(okJson("{\"lastUpdateId\":1027024}")));
		run((context) -> {
			Map<?, ?> depth = client(context, "binance").execute(DEPTH).block(RESPONSE_TIMEOUT);
			assertThat(depth).isEqualTo(Map.of("lastUpdateId", 1027024));
			List<LoggedRequest> requests = requests(getRequestedFor(urlPathEqualTo("/api/v3/depth")), 2);
			long gap = requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
			System.out.println("429 then 200: the retry arrived " + gap + " ms after the first request");
			// Retry-After: 1 is waited from the 429 response; allow for clock granularity
			assertThat(gap).isBetween(950L, 2500L);
		});
	}

	@Test
	void a429WithRetryAfterHoldsTheClientsOtherRequestsToo() {
		server.stubFor(post(urlPathEqualTo("/api/v3/order")).willReturn(aResponse().withStatus(429)
			.withHeader("Retry-After", "1")
			.withBody("{\"code\":-1003,\"msg\":\"Too many requests.\"}")));
		server.stubFor(get(urlPathEqualTo("/api/v3/time")).willReturn(okJson("{\"serverTime\":1}")));
		run((context) -> {
			StepVerifier.create(client(context, "binance").execute(ORDER))
				.expectError(ExchangeApiException.class)
				.verify(RESPONSE_TIMEOUT);
			Map<?, ?> time = client(context, "binance").execute(TIME).block(RESPONSE_TIMEOUT);
			assertThat(time).isEqualTo(Map.of("serverTime", 1));
			long throttled = requests(postRequestedFor(urlPathEqualTo("/api/v3/order")), 1).get(0)
				.getLoggedDate()
				.getTime();
			long next = requests(getRequestedFor(urlPathEqualTo("/api/v3/time")), 1).get(0).getLoggedDate().getTime();
			// the GET waited out the POST's Retry-After instead of earning a ban
			assertThat(next - throttled).isGreaterThanOrEqualTo(950L);
		});
	}

	@Test
	void getOn503IsRetriedMaxAttemptsTimesThenFails() {
		server.stubFor(get(urlPathEqualTo("/api/v3/depth"))
			.willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
		run((context) -> {
			StepVerifier.create(client(context, "binance").execute(DEPTH))
				.expectErrorSatisfies(
						(ex) -> assertThat(ex).isInstanceOfSatisfying(ExchangeApiException.class, (api) -> {
							assertThat(api.getStatus()).isEqualTo(503);
							assertThat(api.getCode()).isNull();
							assertThat(api.getExchangeMessage()).isEqualTo("unexpected response: Service Unavailable");
						}))
				.verify(RESPONSE_TIMEOUT);
			// 1 + retry.max-attempts
			requests(getRequestedFor(urlPathEqualTo("/api/v3/depth")), 3);
		});
	}

	@Test
	void postOn503IsSentExactlyOnce() {
		server.stubFor(post(urlPathEqualTo("/api/v3/order"))
			.willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
		run((context) -> {
			StepVerifier.create(client(context, "binance").execute(ORDER))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(ExchangeApiException.class,
						(api) -> assertThat(api.getStatus()).isEqualTo(503)))
				.verify(RESPONSE_TIMEOUT);
			requests(postRequestedFor(urlPathEqualTo("/api/v3/order")), 1);
		});
	}

	@Test
	void postOn429IsSentExactlyOnce() {
		server.stubFor(post(urlPathEqualTo("/api/v3/order")).willReturn(aResponse().withStatus(429)
			.withHeader("Retry-After", "1")
			.withBody("{\"code\":-1015,\"msg\":\"Too many new orders.\"}")));
		run((context) -> {
			StepVerifier.create(client(context, "binance").execute(ORDER))
				.expectErrorSatisfies(
						(ex) -> assertThat(ex).isInstanceOfSatisfying(ExchangeApiException.class, (api) -> {
							assertThat(api.getStatus()).isEqualTo(429);
							assertThat(api.getCode()).isEqualTo("-1015");
						}))
				.verify(RESPONSE_TIMEOUT);
			requests(postRequestedFor(urlPathEqualTo("/api/v3/order")), 1);
		});
	}

	@Test
	void getOn429WithRetryAfterLongerThanMaxBackoffIsNotRetried() {
		server.stubFor(get(urlPathEqualTo("/api/v3/depth")).willReturn(aResponse().withStatus(429)
			.withHeader("Retry-After", "30")
			.withBody("{\"code\":-1003,\"msg\":\"Too many requests.\"}")));
		run((context) -> {
			// fails at once rather than after 30 s, or after max-backoff
			StepVerifier.create(client(context, "binance").execute(DEPTH))
				.expectErrorSatisfies(
						(ex) -> assertThat(ex).isInstanceOfSatisfying(ExchangeApiException.class, (api) -> {
							assertThat(api.getStatus()).isEqualTo(429);
							assertThat(api.getCode()).isEqualTo("-1003");
							assertThat(api.getExchangeMessage()).isEqualTo("Too many requests.");
							assertThat(api.getRetryAfter()).isEqualTo(Duration.ofSeconds(30));
						}))
				.verify(Duration.ofSeconds(1));
			requests(getRequestedFor(urlPathEqualTo("/api/v3/depth")), 1);
		});
	}

	@Test
	void getOnAConnectionDroppedWithoutResponseIsRetried() {
		server.stubFor(get(urlPathEqualTo("/api/v3/depth")).inScenario("dropped")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE))
			.willSetStateTo("recovered"));
		server.stubFor(get(urlPathEqualTo("/api/v3/depth")).inScenario("dropped")
			.whenScenarioStateIs("recovered")
			.willReturn(okJson("{\"lastUpdateId\":1027024}")));
		run((context) -> {
			Map<?, ?> depth = client(context, "binance").execute(DEPTH).block(RESPONSE_TIMEOUT);
			assertThat(depth).isEqualTo(Map.of("lastUpdateId", 1027024));
			requests(getRequestedFor(urlPathEqualTo("/api/v3/depth")), 2);
		});
	}

	@Test
	void postOnAConnectionDroppedWithoutResponseIsSentExactlyOnce() {
		server.stubFor(post(urlPathEqualTo("/api/v3/order")).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
		run((context) -> {
			StepVerifier.create(client(context, "binance").execute(ORDER)).expectError().verify(RESPONSE_TIMEOUT);
			requests(postRequestedFor(urlPathEqualTo("/api/v3/order")), 1);
		});
	}

	/**
	 * Wait for WireMock's journal to hold exactly {@code count} matching requests, and
	 * return them in arrival order. Called once the response has completed, so no further
	 * request can come.
	 */
	private static List<LoggedRequest> requests(com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pattern,
			int count) {
		await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(server.findAll(pattern)).hasSize(count));
		return server.findAll(pattern)
			.stream()
			.sorted((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()))
			.toList();
	}

}
