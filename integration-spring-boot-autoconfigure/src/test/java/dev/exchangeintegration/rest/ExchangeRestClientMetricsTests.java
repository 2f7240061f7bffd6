package dev.exchangeintegration.rest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.exchangeintegration.rest.RestClientTestSupport.RESPONSE_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code exchange.rest.requests} timer of {@link ExchangeRestClient}s declared in
 * YAML, after real HTTP exchanges: tagged with the client, method, path without query,
 * status and outcome.
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
	void timerIsTaggedWithClientMethodPathStatusAndOutcome() {
		server.stubFor(get(urlPathEqualTo("/api/v3/ticker/price"))
			.willReturn(okJson("{\"symbol\":\"BTCUSDT\",\"price\":\"1\"}")));
		server.stubFor(get(urlPathEqualTo("/api/v3/exchangeInfo"))
			.willReturn(aResponse().withStatus(400).withBody("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}")));
		contextRunner(YAML).withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			ExchangeRestClient client = client(context, "binance");
			assertThat(client.execute(TestRequest.get("/api/v3/ticker/price", String.class, SYMBOL))
				.block(RESPONSE_TIMEOUT)).isEqualTo("{\"symbol\":\"BTCUSDT\",\"price\":\"1\"}");
			assertThatExceptionOfType(ExchangeApiException.class)
				.isThrownBy(() -> client.execute(TestRequest.get("/api/v3/exchangeInfo", String.class, SYMBOL))
					.block(RESPONSE_TIMEOUT));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			List<Map<String, String>> tags = registry.find("exchange.rest.requests")
				.timers()
				.stream()
				.map(ExchangeRestClientMetricsTests::tags)
				.toList();
			assertThat(tags).containsExactlyInAnyOrder(
					Map.of("client", "binance", "method", "GET", "uri", "/api/v3/ticker/price", "status", "200",
							"outcome", "SUCCESS"),
					Map.of("client", "binance", "method", "GET", "uri", "/api/v3/exchangeInfo", "status", "400",
							"outcome", "API_ERROR"));
			Timer success = registry.get("exchange.rest.requests")
				.tags("client", "binance", "method", "GET", "uri", "/api/v3/ticker/price", "status", "200", "outcome",
						"SUCCESS")
				.timer();
			assertThat(success.count()).isEqualTo(1);
			Timer apiError = registry.get("exchange.rest.requests")
				.tags("client", "binance", "method", "GET", "uri", "/api/v3/exchangeInfo", "status", "400", "outcome",
						"API_ERROR")
				.timer();
			assertThat(apiError.count()).isEqualTo(1);
		});
	}

	private static Map<String, String> tags(Timer timer) {
		Map<String, String> tags = new TreeMap<>();
		for (Tag tag : timer.getId().getTags()) {
			tags.put(tag.getKey(), tag.getValue());
		}
		return tags;
	}

}
