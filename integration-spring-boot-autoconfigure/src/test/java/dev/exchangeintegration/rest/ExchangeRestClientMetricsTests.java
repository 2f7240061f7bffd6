package dev.exchangeintegration.rest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

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
class ExchangeRestClientMetricsTests {

	private static final String YAML = """
			exchange-integration:
			  rest:
			    binance:
			      base-url: ${wiremock.url}
			      error-parser: binance
			""";

	private static WireMockServer server;

	@BeforeAll
	static void startWireMock() {
		server = RestClientTestSupport.startWireMock();
	}

	@AfterAll
	static void stopWireMock() {
		server.stop();
	}

	@Test
	void timerIsTaggedWithClientMethodPathStatusAndOutcome() {
		server.stubFor(get(urlPathEqualTo("/api/v3/ticker/price"))
			.willReturn(okJson("{\"symbol\":\"BTCUSDT\",\"price\":\"1\"}")));
		server.stubFor(get(urlPathEqualTo("/api/v3/exchangeInfo"))
			.willReturn(aResponse().withStatus(400).withBody("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}")));
		RestClientTestSupport.contextRunner(server, YAML)
			.withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> {
				ExchangeRestClient client = context.getBean("binance.restClient", ExchangeRestClient.class);
				assertThat(client.execute(new Get("/api/v3/ticker/price")).block(RESPONSE_TIMEOUT))
					.isEqualTo("{\"symbol\":\"BTCUSDT\",\"price\":\"1\"}");
				assertThatExceptionOfType(ExchangeApiException.class)
					.isThrownBy(() -> client.execute(new Get("/api/v3/exchangeInfo")).block(RESPONSE_TIMEOUT));
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
					.tags("client", "binance", "method", "GET", "uri", "/api/v3/ticker/price", "status", "200",
							"outcome", "SUCCESS")
					.timer();
				assertThat(success.count()).isEqualTo(1);
				Timer apiError = registry.get("exchange.rest.requests")
					.tags("client", "binance", "method", "GET", "uri", "/api/v3/exchangeInfo", "status", "400",
							"outcome", "API_ERROR")
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

	record Get(String path) implements RestRequest<String> {

		@Override
		public HttpMethod method() {
			return HttpMethod.GET;
		}

		@Override
		public Class<String> responseType() {
			return String.class;
		}

		@Override
		public Map<String, ?> queryParams() {
			return Map.of("symbol", "BTCUSDT");
		}

	}

}
