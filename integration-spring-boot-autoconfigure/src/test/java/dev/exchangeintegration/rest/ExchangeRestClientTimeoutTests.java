package dev.exchangeintegration.rest;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ContextConsumer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.exchangeintegration.rest.RestClientTestSupport.RESPONSE_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Timeouts of {@link ExchangeRestClient}s declared in YAML, over HTTP, against WireMock's
 * fixed delays: the client's {@code timeout}, and a request's own {@code timeout()} that
 * overrides it either way.
 */
class ExchangeRestClientTimeoutTests extends AbstractExchangeRestClientTests {

	private static final String YAML = """
			exchange-integration:
			  rest:
			    hasty:
			      base-url: ${wiremock.url}
			      timeout: 200ms
			    patient:
			      base-url: ${wiremock.url}
			      timeout: 10s
			""";

	private static final TestRequest<String> DEPTH = TestRequest.get("/api/v3/depth", String.class);

	private void run(ContextConsumer<AssertableApplicationContext> test) {
		contextRunner(YAML).run(test);
	}

	@Test
	void responseSlowerThanTheClientTimeoutIsAClearTimeoutError() {
		server.stubFor(get(urlPathEqualTo("/api/v3/depth"))
			.willReturn(aResponse().withFixedDelay(2000).withBody("{\"lastUpdateId\":1}")));
		run((context) -> {
			ExchangeRestClient client = client(context, "hasty");
			StepVerifier.create(client.execute(DEPTH))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(RestTimeoutException.class)
					.hasMessage("Exchange REST client 'hasty': GET /api/v3/depth got no response within PT0.2S"))
				.verify(Duration.ofMillis(1500));
			// a timeout is not retried
			await().atMost(Duration.ofSeconds(1))
				.untilAsserted(
						() -> assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/api/v3/depth")))).hasSize(1));
		});
	}

	@Test
	void requestTimeoutShorterThanTheClientTimeoutApplies() {
		server.stubFor(get(urlPathEqualTo("/api/v3/depth"))
			.willReturn(aResponse().withFixedDelay(2000).withBody("{\"lastUpdateId\":1}")));
		run((context) -> {
			ExchangeRestClient client = client(context, "patient");
			StepVerifier.create(client.execute(DEPTH.withTimeout(Duration.ofMillis(300))))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(RestTimeoutException.class)
					.hasMessage("Exchange REST client 'patient': GET /api/v3/depth got no response within PT0.3S"))
				.verify(Duration.ofMillis(1500));
		});
	}

	@Test
	void requestTimeoutLongerThanTheClientTimeoutApplies() {
		server.stubFor(get(urlPathEqualTo("/api/v3/depth"))
			.willReturn(aResponse().withFixedDelay(500).withBody("{\"lastUpdateId\":1}")));
		run((context) -> {
			ExchangeRestClient client = client(context, "hasty");
			assertThat(client.execute(DEPTH.withTimeout(Duration.ofSeconds(3))).block(RESPONSE_TIMEOUT))
				.isEqualTo("{\"lastUpdateId\":1}");
		});
	}

}
