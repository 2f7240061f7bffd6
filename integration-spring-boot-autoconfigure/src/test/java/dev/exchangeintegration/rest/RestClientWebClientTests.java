package dev.exchangeintegration.rest;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.exchangeintegration.rest.RestClientTestSupport.RESPONSE_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ExchangeRestClient}s declared in YAML are built on Spring Boot's
 * {@code WebClient.Builder}: a {@link WebClientCustomizer} bean applies to them, its
 * filters run ahead of the client's own (so they see the request before it is signed),
 * responses are bound with Boot's {@code JsonMapper}, and Boot's codec settings bound the
 * bodies held in memory.
 */
class RestClientWebClientTests extends AbstractExchangeRestClientTests {

	private static final String YAML = """
			spring:
			  jackson:
			    property-naming-strategy: SNAKE_CASE
			exchange-integration:
			  rest:
			    binance:
			      base-url: ${wiremock.url}
			      signer: binance
			      api-key: CustomizerApiKey
			      secret: CustomizerSecret
			""";

	@Test
	void webClientCustomizersApplyAndTheirFiltersSeeTheRequestBeforeItIsSigned() {
		server.stubFor(get(urlPathEqualTo("/api/v3/openOrders")).withHeader("X-Desk", equalTo("desk-7"))
			.willReturn(okJson("[]")));
		List<URI> seenByCustomizerFilter = new CopyOnWriteArrayList<>();
		List<String> apiKeysSeenByCustomizerFilter = new CopyOnWriteArrayList<>();
		WebClientCustomizer customizer = (builder) -> builder.defaultHeader("X-Desk", "desk-7")
			.filter(ExchangeFilterFunction.ofRequestProcessor((request) -> {
				seenByCustomizerFilter.add(request.url());
				apiKeysSeenByCustomizerFilter.add(String.valueOf(request.headers().getFirst("X-MBX-APIKEY")));
				return Mono.just(request);
			}));
		contextRunner(YAML).withBean(WebClientCustomizer.class, () -> customizer)
			.withBean(Clock.class, () -> Clock.fixed(Instant.ofEpochMilli(1700000000000L), ZoneOffset.UTC))
			.run((context) -> {
				ExchangeRestClient client = client(context, "binance");
				assertThat(
						client.execute(TestRequest.get("/api/v3/openOrders", String.class, Map.of("symbol", "BTCUSDT")))
							.block(RESPONSE_TIMEOUT))
					.isEqualTo("[]");
				assertThat(seenByCustomizerFilter).extracting(URI::getRawQuery).containsExactly("symbol=BTCUSDT");
				assertThat(apiKeysSeenByCustomizerFilter).containsExactly("null");
				assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/api/v3/openOrders")))).singleElement()
					.satisfies((LoggedRequest request) -> {
						assertThat(request.getHeader("X-Desk")).isEqualTo("desk-7");
						assertThat(request.getHeader("X-MBX-APIKEY")).isEqualTo("CustomizerApiKey");
						assertThat(request.getQueryParams()).containsKeys("symbol", "timestamp", "signature");
					});
			});
	}

	@Test
	void responsesAreBoundWithBootsJsonMapper() {
		server.stubFor(get(urlPathEqualTo("/api/v3/order"))
			.willReturn(okJson("{\"order_id\":28,\"client_order_id\":\"6gCrw2kRUAF9CvJDGP16IP\"}")));
		contextRunner(YAML).run((context) -> {
			ExchangeRestClient client = client(context, "binance");
			assertThat(client.execute(TestRequest.get("/api/v3/order", OrderIds.class)).block(RESPONSE_TIMEOUT))
				.isEqualTo(new OrderIds(28, "6gCrw2kRUAF9CvJDGP16IP"));
		});
	}

	@Test
	void bodiesAreBufferedWithinBootsCodecLimit() {
		String large = "[\"" + "x".repeat(300 * 1024) + "\"]";
		server.stubFor(get(urlPathEqualTo("/api/v3/exchangeInfo")).willReturn(okJson(large)));
		TestRequest<String> exchangeInfo = TestRequest.get("/api/v3/exchangeInfo", String.class);
		contextRunner(YAML).run((context) -> assertThatExceptionOfType(DataBufferLimitException.class)
			.isThrownBy(() -> client(context, "binance").execute(exchangeInfo).block(RESPONSE_TIMEOUT)));
		contextRunner(YAML).withPropertyValues("spring.http.codecs.max-in-memory-size=1MB")
			.run((context) -> assertThat(client(context, "binance").execute(exchangeInfo).block(RESPONSE_TIMEOUT))
				.isEqualTo(large));
	}

	record OrderIds(long orderId, String clientOrderId) {

	}

}
