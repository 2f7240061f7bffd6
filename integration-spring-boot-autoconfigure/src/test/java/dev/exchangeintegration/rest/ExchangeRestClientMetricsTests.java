package dev.exchangeintegration.rest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;
import org.springframework.http.HttpMethod;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.exchangeintegration.rest.RestClientTestSupport.RESPONSE_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The {@code http.client.requests} timer that WebClient's observation records for
 * {@link ExchangeRestClient}s declared in YAML, after real HTTP exchanges: tagged with
 * the method, the request's URI template (never the query), the status and the outcome,
 * and with the exception when the exchange rejected the request.
 */
class ExchangeRestClientMetricsTests extends AbstractExchangeRestClientTests {

	private static final String YAML = """
			exchange-integration:
			  rest:
			    binance:
			      base-url: ${wiremock.url}
			      error-parser: binance
			""";

	private static final Map<String, String> SYMBOL = Map.of("symbol", "BTCUSDT");

	@Test
	void timerIsTaggedWithMethodUriTemplateStatusOutcomeAndException() {
		server.stubFor(get(urlPathEqualTo("/api/v3/ticker/price"))
			.willReturn(okJson("{\"symbol\":\"BTCUSDT\",\"price\":\"1\"}")));
		server.stubFor(get(urlPathEqualTo("/api/v3/exchangeInfo"))
			.willReturn(aResponse().withStatus(400).withBody("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}")));
		server.stubFor(get(urlPathEqualTo("/api/v3/order/28")).willReturn(okJson("{\"orderId\":28}")));
		contextRunner(YAML)
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					WebClientObservationAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> {
				ExchangeRestClient client = client(context, "binance");
				assertThat(client.execute(TestRequest.get("/api/v3/ticker/price", String.class, SYMBOL))
					.block(RESPONSE_TIMEOUT)).isEqualTo("{\"symbol\":\"BTCUSDT\",\"price\":\"1\"}");
				assertThatExceptionOfType(ExchangeApiException.class)
					.isThrownBy(() -> client.execute(TestRequest.get("/api/v3/exchangeInfo", String.class, SYMBOL))
						.block(RESPONSE_TIMEOUT));
				assertThat(client.execute(new OrderById(28)).block(RESPONSE_TIMEOUT)).isEqualTo("{\"orderId\":28}");
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				// WebClient stops the observation just after the response is delivered
				await().atMost(Duration.ofSeconds(5))
					.untilAsserted(() -> assertThat(timerTags(registry)).containsExactlyInAnyOrder(
							tags("/api/v3/ticker/price", "200", "SUCCESS", "none"),
							tags("/api/v3/exchangeInfo", "400", "CLIENT_ERROR", "ExchangeApiException"),
							tags("/api/v3/order/{orderId}", "200", "SUCCESS", "none")));
				for (Timer timer : registry.find("http.client.requests").timers()) {
					assertThat(timer.count()).isEqualTo(1);
				}
				assertThat(registry.find("exchange.rest.requests").meters()).isEmpty();
			});
	}

	private static List<Map<String, String>> timerTags(MeterRegistry registry) {
		return registry.find("http.client.requests")
			.timers()
			.stream()
			.map(ExchangeRestClientMetricsTests::tags)
			.toList();
	}

	private static Map<String, String> tags(String uri, String status, String outcome, String exception) {
		return Map.of("client.name", "127.0.0.1", "method", "GET", "uri", uri, "status", status, "outcome", outcome,
				"exception", exception, "error", exception);
	}

	private static Map<String, String> tags(Timer timer) {
		Map<String, String> tags = new TreeMap<>();
		for (Tag tag : timer.getId().getTags()) {
			tags.put(tag.getKey(), tag.getValue());
		}
		return tags;
	}

	/**
	 * A request whose path carries an id, tagged with its template.
	 */
	record OrderById(long orderId) implements RestRequest<String> {

		@Override
		public HttpMethod method() {
			return HttpMethod.GET;
		}

		@Override
		public String path() {
			return "/api/v3/order/" + this.orderId;
		}

		@Override
		public String uriTemplate() {
			return "/api/v3/order/{orderId}";
		}

		@Override
		public Map<String, ?> queryParams() {
			return Map.of("symbol", "BTCUSDT");
		}

		@Override
		public Class<String> responseType() {
			return String.class;
		}

	}

}
