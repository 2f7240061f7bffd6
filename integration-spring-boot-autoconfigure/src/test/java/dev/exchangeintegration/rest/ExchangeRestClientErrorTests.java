package dev.exchangeintegration.rest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ContextConsumer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.exchangeintegration.rest.RestClientTestSupport.RESPONSE_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error model of {@link ExchangeRestClient}s declared in YAML, over HTTP: each
 * exchange's error shape becomes an {@link ExchangeApiException} with the client name,
 * the HTTP status and the exchange's code and message, whatever the status (Kraken's
 * errors come with HTTP 200); a body in no known shape becomes one with the status and a
 * bounded excerpt; success bodies bind to records.
 */
class ExchangeRestClientErrorTests extends AbstractExchangeRestClientTests {

	private static final String YAML = """
			exchange-integration:
			  rest:
			    binance:
			      base-url: ${wiremock.url}
			      error-parser: binance
			    kraken:
			      base-url: ${wiremock.url}
			      error-parser: kraken
			    okx:
			      base-url: ${wiremock.url}
			      error-parser: okx
			    bybit:
			      base-url: ${wiremock.url}
			      error-parser: bybit
			""";

	private static final Map<String, String> ORDER = Map.of("symbol", "LTCBTC");

	private void run(ContextConsumer<AssertableApplicationContext> test) {
		contextRunner(YAML).run(test);
	}

	@Test
	void binanceErrorWithHttp400() {
		server.stubFor(get(urlPathEqualTo("/api/v3/ticker/price"))
			.willReturn(aResponse().withStatus(400).withBody("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}")));
		run((context) -> assertApiError(
				client(context, "binance").execute(TestRequest.get("/api/v3/ticker/price", Map.class)), "binance", 400,
				"-1121", "Invalid symbol.",
				"Exchange REST client 'binance' got HTTP 400, error -1121: Invalid symbol."));
	}

	@Test
	void krakenErrorWithHttp200() {
		server.stubFor(post(urlPathEqualTo("/0/private/AddOrder"))
			.willReturn(okJson("{\"error\":[\"EOrder:Insufficient funds\"]}")));
		run((context) -> assertApiError(
				client(context, "kraken").execute(TestRequest.post("/0/private/AddOrder", KrakenResponse.class, ORDER)),
				"kraken", 200, "EOrder", "Insufficient funds",
				"Exchange REST client 'kraken' got HTTP 200, error EOrder: Insufficient funds"));
	}

	@Test
	void okxError() {
		server.stubFor(post(urlPathEqualTo("/api/v5/trade/order"))
			.willReturn(okJson("{\"code\":\"51000\",\"msg\":\"Parameter ordType error\",\"data\":[]}")));
		run((context) -> assertApiError(
				client(context, "okx").execute(TestRequest.post("/api/v5/trade/order", OkxResponse.class, ORDER)),
				"okx", 200, "51000", "Parameter ordType error",
				"Exchange REST client 'okx' got HTTP 200, error 51000: Parameter ordType error"));
	}

	@Test
	void bybitError() {
		server.stubFor(post(urlPathEqualTo("/v5/order/create"))
			.willReturn(okJson("{\"retCode\":10001,\"retMsg\":\"params error\",\"result\":{}}")));
		run((context) -> assertApiError(
				client(context, "bybit").execute(TestRequest.post("/v5/order/create", BybitResponse.class, ORDER)),
				"bybit", 200, "10001", "params error",
				"Exchange REST client 'bybit' got HTTP 200, error 10001: params error"));
	}

	@Test
	void nonJson502BodyIsAnErrorWithTheStatusAndTheBody() {
		server.stubFor(post(urlPathEqualTo("/api/v3/order"))
			.willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));
		run((context) -> {
			assertApiError(client(context, "binance").execute(TestRequest.post("/api/v3/order", Map.class, ORDER)),
					"binance", 502, null, "unexpected response: <html>Bad Gateway</html>",
					"Exchange REST client 'binance' got HTTP 502: unexpected response: <html>Bad Gateway</html>");
			// a POST is never retried
			assertThat(server.findAll(postRequestedFor(urlPathEqualTo("/api/v3/order")))).hasSize(1);
		});
	}

	@Test
	void largeNonJsonBodyIsCutToABoundedExcerpt() {
		String body = "<html>" + "x".repeat(5000) + "</html>";
		assertThat(body).hasSize(5013);
		server.stubFor(post(urlPathEqualTo("/api/v3/order")).willReturn(aResponse().withStatus(502).withBody(body)));
		String excerpt = "unexpected response: " + body.substring(0, 256) + "... (5013 bytes)";
		run((context) -> assertApiError(
				client(context, "binance").execute(TestRequest.post("/api/v3/order", Map.class, ORDER)), "binance", 502,
				null, excerpt, "Exchange REST client 'binance' got HTTP 502: " + excerpt));
	}

	@Test
	void successBodiesBindToRecords() {
		server.stubFor(get(urlPathEqualTo("/api/v3/ticker/price"))
			.willReturn(okJson("{\"symbol\":\"LTCBTC\",\"price\":\"4.00000200\"}")));
		server.stubFor(post(urlPathEqualTo("/0/private/AddOrder"))
			.willReturn(okJson("{\"error\":[],\"result\":{\"txid\":[\"OUF4EM-FRGI2-MQMWZD\"]}}")));
		server.stubFor(post(urlPathEqualTo("/api/v5/trade/order"))
			.willReturn(okJson("{\"code\":\"0\",\"msg\":\"\",\"data\":[{\"ordId\":\"312269865356374016\"}]}")));
		server.stubFor(post(urlPathEqualTo("/v5/order/create"))
			.willReturn(okJson("{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"orderId\":\"1321003749386327552\"}}")));
		run((context) -> {
			assertThat(client(context, "binance").execute(TestRequest.get("/api/v3/ticker/price", TickerPrice.class))
				.block(RESPONSE_TIMEOUT)).isEqualTo(new TickerPrice("LTCBTC", new BigDecimal("4.00000200")));
			assertThat(client(context, "kraken")
				.execute(TestRequest.post("/0/private/AddOrder", KrakenResponse.class, ORDER))
				.block(RESPONSE_TIMEOUT))
				.isEqualTo(new KrakenResponse(List.of(), Map.of("txid", List.of("OUF4EM-FRGI2-MQMWZD"))));
			assertThat(client(context, "okx").execute(TestRequest.post("/api/v5/trade/order", OkxResponse.class, ORDER))
				.block(RESPONSE_TIMEOUT))
				.isEqualTo(new OkxResponse("0", "", List.of(Map.of("ordId", "312269865356374016"))));
			assertThat(
					client(context, "bybit").execute(TestRequest.post("/v5/order/create", BybitResponse.class, ORDER))
						.block(RESPONSE_TIMEOUT))
				.isEqualTo(new BybitResponse(0, "OK", Map.of("orderId", "1321003749386327552")));
		});
	}

	private static void assertApiError(Mono<?> response, String client, int status, String code, String message,
			String exceptionMessage) {
		StepVerifier.create(response)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(ExchangeApiException.class, (api) -> {
				assertThat(api.getClient()).isEqualTo(client);
				assertThat(api.getStatus()).isEqualTo(status);
				assertThat(api.getCode()).isEqualTo(code);
				assertThat(api.getExchangeMessage()).isEqualTo(message);
				assertThat(api.getMessage()).isEqualTo(exceptionMessage);
			}))
			.verify(RESPONSE_TIMEOUT);
	}

	record TickerPrice(String symbol, BigDecimal price) {

	}

	record KrakenResponse(List<String> error, Map<String, Object> result) {

	}

	record OkxResponse(String code, String msg, List<Map<String, String>> data) {

	}

	record BybitResponse(int retCode, String retMsg, Map<String, Object> result) {

	}

}
