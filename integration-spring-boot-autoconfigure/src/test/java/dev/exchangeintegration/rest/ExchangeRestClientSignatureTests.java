package dev.exchangeintegration.rest;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.exchangeintegration.rest.RestClientTestSupport.RESPONSE_TIMEOUT;
import static dev.exchangeintegration.rest.RestClientTestSupport.hex;
import static dev.exchangeintegration.rest.RestClientTestSupport.hmac;
import static dev.exchangeintegration.rest.RestClientTestSupport.sha256;
import static dev.exchangeintegration.rest.RestClientTestSupport.utf8;
import static dev.exchangeintegration.rest.TestRequest.ordered;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signatures of the built-in signers as they arrive on the wire: each client is declared
 * in YAML with a fixed {@link Clock}, and WireMock only answers a request that carries
 * the exact signature computed here independently, with {@code javax.crypto}, over the
 * documented prehash written out literally. An unsigned or wrongly signed request gets a
 * 404 and fails the test.
 */
class ExchangeRestClientSignatureTests extends AbstractExchangeRestClientTests {

	private static ApplicationContextRunner runner(String yaml, Instant now) {
		return contextRunner(yaml).withBean(Clock.class, () -> Clock.fixed(now, ZoneOffset.UTC));
	}

	// Binance: "SIGNED Endpoint Examples for POST /api/v3/order", the LTCBTC order

	static final String BINANCE_API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";

	static final String BINANCE_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

	static final String BINANCE_TOTAL_PARAMS = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1"
			+ "&recvWindow=5000&timestamp=1499827319559";

	static final String BINANCE_SIGNATURE = "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71";

	static final TestRequest<OrderAck> LTCBTC_ORDER = TestRequest.post("/api/v3/order", OrderAck.class, null)
		.withQueryParams(ordered("symbol", "LTCBTC", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC", "quantity",
				new BigDecimal("1"), "price", new BigDecimal("0.1")));

	static final String BINANCE_YAML = """
			exchange-integration:
			  rest:
			    binance:
			      base-url: ${wiremock.url}
			      signer: binance
			      api-key: vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A
			      secret: NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j
			      recv-window: 5000ms
			    binance-wrong-secret:
			      base-url: ${wiremock.url}
			      signer: binance
			      api-key: vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A
			      secret: not-the-secret
			      recv-window: 5000ms
			""";

	@Test
	void binanceSignsThePublishedLtcbtcExampleOnTheWire() {
		assertThat(hex(hmac("HmacSHA256", utf8(BINANCE_SECRET), utf8(BINANCE_TOTAL_PARAMS))))
			.isEqualTo(BINANCE_SIGNATURE);
		stubBinanceOrder();
		runner(BINANCE_YAML, Instant.ofEpochMilli(1499827319559L)).withBean(BinanceTrading.class).run((context) -> {
			ExchangeRestClient client = context.getBean(BinanceTrading.class).client;
			assertThat(client.name()).isEqualTo("binance");
			OrderAck ack = client.execute(LTCBTC_ORDER).block(RESPONSE_TIMEOUT);
			assertThat(ack).isEqualTo(new OrderAck("LTCBTC", 28L, "NEW"));
			List<LoggedRequest> requests = server.findAll(postRequestedFor(urlPathEqualTo("/api/v3/order")));
			assertThat(requests).singleElement().satisfies((request) -> {
				// the signer appends recvWindow then timestamp, as in Binance's example
				assertThat(request.getUrl())
					.isEqualTo("/api/v3/order?" + BINANCE_TOTAL_PARAMS + "&signature=" + BINANCE_SIGNATURE);
				assertThat(request.getBodyAsString()).isEmpty();
				assertThat(request.getHeader("X-MBX-APIKEY")).isEqualTo(BINANCE_API_KEY);
			});
		});
	}

	@Test
	void binanceRequestSignedWithAnotherSecretIsNotAnsweredByTheStub() {
		stubBinanceOrder();
		runner(BINANCE_YAML, Instant.ofEpochMilli(1499827319559L)).run((context) -> {
			ExchangeRestClient client = client(context, "binance-wrong-secret");
			StepVerifier.create(client.execute(LTCBTC_ORDER))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(ExchangeApiException.class,
						(api) -> assertThat(api.getStatus()).isEqualTo(404)))
				.verify(RESPONSE_TIMEOUT);
			assertThat(server.findAll(postRequestedFor(urlPathEqualTo("/api/v3/order")))).singleElement()
				.satisfies((request) -> assertThat(request.getQueryParams().get("signature").firstValue()).hasSize(64)
					.isNotEqualTo(BINANCE_SIGNATURE));
		});
	}

	private static void stubBinanceOrder() {
		server.stubFor(post(urlPathEqualTo("/api/v3/order")).withHeader("X-MBX-APIKEY", equalTo(BINANCE_API_KEY))
			.withQueryParam("recvWindow", equalTo("5000"))
			.withQueryParam("timestamp", equalTo("1499827319559"))
			.withQueryParam("signature", equalTo(BINANCE_SIGNATURE))
			.willReturn(okJson("{\"symbol\":\"LTCBTC\",\"orderId\":28,\"status\":\"NEW\"}")));
	}

	// Kraken: "Spot REST Authentication", the XBTUSD AddOrder

	static final String KRAKEN_API_KEY = "kraken-api-key-7Yx2";

	static final String KRAKEN_SECRET = "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==";

	static final String KRAKEN_PAYLOAD = "ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25";

	static final String KRAKEN_API_SIGN = "4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ==";

	static final TestRequest<KrakenAddOrderResponse> XBTUSD_ADD_ORDER = TestRequest.post("/0/private/AddOrder",
			KrakenAddOrderResponse.class, ordered("ordertype", "limit", "pair", "XBTUSD", "price",
					new BigDecimal("37500"), "type", "buy", "volume", new BigDecimal("1.25")));

	static final String KRAKEN_YAML = """
			exchange-integration:
			  rest:
			    kraken:
			      base-url: ${wiremock.url}
			      signer: kraken
			      body-encoding: form
			      api-key: kraken-api-key-7Yx2
			      secret: kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==
			""";

	@Test
	void krakenSignsThePublishedAddOrderExampleOnTheWireAndIncrementsTheNonce() {
		assertThat(krakenSign("/0/private/AddOrder", "1616492376594", KRAKEN_PAYLOAD)).isEqualTo(KRAKEN_API_SIGN);
		String secondSign = krakenSign("/0/private/AddOrder", "1616492376595", KRAKEN_PAYLOAD);
		stubKrakenAddOrder("1616492376594", KRAKEN_API_SIGN, "OUF4EM-FRGI2-MQMWZD");
		stubKrakenAddOrder("1616492376595", secondSign, "OBCMZD-JIEE7-77TH3F");
		runner(KRAKEN_YAML, Instant.ofEpochMilli(1616492376594L)).run((context) -> {
			ExchangeRestClient client = client(context, "kraken");
			// the clock does not move: the second nonce is still strictly greater
			assertThat(client.execute(XBTUSD_ADD_ORDER).block(RESPONSE_TIMEOUT).result().txid())
				.containsExactly("OUF4EM-FRGI2-MQMWZD");
			assertThat(client.execute(XBTUSD_ADD_ORDER).block(RESPONSE_TIMEOUT).result().txid())
				.containsExactly("OBCMZD-JIEE7-77TH3F");
			List<LoggedRequest> requests = server.findAll(postRequestedFor(urlPathEqualTo("/0/private/AddOrder")));
			assertThat(requests).extracting(LoggedRequest::getBodyAsString)
				.containsExactly("nonce=1616492376594&" + KRAKEN_PAYLOAD, "nonce=1616492376595&" + KRAKEN_PAYLOAD);
			assertThat(requests).extracting((request) -> request.getHeader("API-Sign"))
				.containsExactly(KRAKEN_API_SIGN, secondSign);
			assertThat(requests).extracting(LoggedRequest::getUrl)
				.containsExactly("/0/private/AddOrder", "/0/private/AddOrder");
		});
	}

	private static String krakenSign(String path, String nonce, String payload) {
		// Base64(HMAC-SHA512(Base64Decode(secret), path + SHA256(nonce + postdata)))
		String postData = "nonce=" + nonce + "&" + payload;
		byte[] digest = sha256(utf8(nonce + postData));
		byte[] pathBytes = utf8(path);
		byte[] message = new byte[pathBytes.length + digest.length];
		System.arraycopy(pathBytes, 0, message, 0, pathBytes.length);
		System.arraycopy(digest, 0, message, pathBytes.length, digest.length);
		return Base64.getEncoder()
			.encodeToString(hmac("HmacSHA512", Base64.getDecoder().decode(KRAKEN_SECRET), message));
	}

	private static void stubKrakenAddOrder(String nonce, String apiSign, String txid) {
		server
			.stubFor(post(urlPathEqualTo("/0/private/AddOrder")).withHeader("API-Key", equalTo(KRAKEN_API_KEY))
				.withHeader("API-Sign", equalTo(apiSign))
				.withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
				.withRequestBody(equalTo("nonce=" + nonce + "&" + KRAKEN_PAYLOAD))
				.willReturn(okJson(
						"{\"error\":[],\"result\":{\"descr\":{\"order\":\"buy 1.25000000 XBTUSD @ limit 37500.0\"},"
								+ "\"txid\":[\"" + txid + "\"]}}")));
	}

	// OKX: "REST Authentication", prehash = timestamp + method + requestPath + body

	static final String OKX_API_KEY = "okx-api-key-3f9a";

	static final String OKX_SECRET = "okx-secret-22B8F1";

	static final String OKX_PASSPHRASE = "okx-passphrase-Q7";

	static final String OKX_YAML = """
			exchange-integration:
			  rest:
			    okx:
			      base-url: ${wiremock.url}
			      signer: okx
			      api-key: okx-api-key-3f9a
			      secret: okx-secret-22B8F1
			      passphrase: okx-passphrase-Q7
			""";

	@Test
	void okxSignsGetWithQueryAndPostWithJsonBodyOnTheWire() {
		String getSign = base64(hmac("HmacSHA256", utf8(OKX_SECRET),
				utf8("2020-12-08T09:08:57.715ZGET/api/v5/account/balance?ccy=BTC")));
		String body = "{\"instId\":\"BTC-USDT\",\"tdMode\":\"cash\",\"side\":\"buy\",\"ordType\":\"limit\",\"px\":\"2.15\","
				+ "\"sz\":\"2\"}";
		String postSign = base64(
				hmac("HmacSHA256", utf8(OKX_SECRET), utf8("2020-12-08T09:08:57.715ZPOST/api/v5/trade/order" + body)));
		server.stubFor(get(urlPathEqualTo("/api/v5/account/balance")).withQueryParam("ccy", equalTo("BTC"))
			.withHeader("OK-ACCESS-KEY", equalTo(OKX_API_KEY))
			.withHeader("OK-ACCESS-SIGN", equalTo(getSign))
			.withHeader("OK-ACCESS-TIMESTAMP", equalTo("2020-12-08T09:08:57.715Z"))
			.withHeader("OK-ACCESS-PASSPHRASE", equalTo(OKX_PASSPHRASE))
			.willReturn(okJson("{\"code\":\"0\",\"msg\":\"\",\"data\":[{\"totalEq\":\"41624.32\"}]}")));
		server.stubFor(post(urlPathEqualTo("/api/v5/trade/order")).withHeader("OK-ACCESS-KEY", equalTo(OKX_API_KEY))
			.withHeader("OK-ACCESS-SIGN", equalTo(postSign))
			.withHeader("OK-ACCESS-TIMESTAMP", equalTo("2020-12-08T09:08:57.715Z"))
			.withHeader("OK-ACCESS-PASSPHRASE", equalTo(OKX_PASSPHRASE))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalTo(body))
			.willReturn(okJson("{\"code\":\"0\",\"msg\":\"\",\"data\":[{\"ordId\":\"312269865356374016\"}]}")));
		runner(OKX_YAML, Instant.parse("2020-12-08T09:08:57.715Z")).run((context) -> {
			ExchangeRestClient client = client(context, "okx");
			TestRequest<OkxResponse> balanceRequest = TestRequest.get("/api/v5/account/balance", OkxResponse.class,
					Map.of("ccy", "BTC"));
			TestRequest<OkxResponse> orderRequest = TestRequest.post("/api/v5/trade/order", OkxResponse.class,
					ordered("instId", "BTC-USDT", "tdMode", "cash", "side", "buy", "ordType", "limit", "px", "2.15",
							"sz", "2"));
			OkxResponse balance = client.execute(balanceRequest).block(RESPONSE_TIMEOUT);
			assertThat(balance).isEqualTo(new OkxResponse("0", "", List.of(Map.of("totalEq", "41624.32"))));
			OkxResponse order = client.execute(orderRequest).block(RESPONSE_TIMEOUT);
			assertThat(order.data()).containsExactly(Map.of("ordId", "312269865356374016"));
			assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/api/v5/account/balance"))))
				.extracting(LoggedRequest::getUrl)
				.containsExactly("/api/v5/account/balance?ccy=BTC");
		});
	}

	// Bybit: "Integration Guidance", timestamp + api key + recv window + (query | body)

	static final String BYBIT_API_KEY = "bybit-api-key-XXXXXXXXXX";

	static final String BYBIT_SECRET = "bybit-secret-YYYYYYYYYYYYYYYYYYYYYYYYYYYY";

	static final String BYBIT_YAML = """
			exchange-integration:
			  rest:
			    bybit:
			      base-url: ${wiremock.url}
			      signer: bybit
			      api-key: bybit-api-key-XXXXXXXXXX
			      secret: bybit-secret-YYYYYYYYYYYYYYYYYYYYYYYYYYYY
			      recv-window: 10000ms
			""";

	@Test
	void bybitSignsGetQueryAndPostBodyOnTheWire() {
		String query = "category=option&symbol=BTC-29JUL22-25000-C";
		String getSign = hex(hmac("HmacSHA256", utf8(BYBIT_SECRET),
				utf8("1658385579423" + BYBIT_API_KEY + "10000" + "category=option&symbol=BTC-29JUL22-25000-C")));
		String body = "{\"category\":\"option\",\"symbol\":\"BTC-29JUL22-25000-C\",\"orderType\":\"Limit\",\"side\":\"Buy\","
				+ "\"qty\":\"1\",\"price\":\"1000\"}";
		String postSign = hex(
				hmac("HmacSHA256", utf8(BYBIT_SECRET), utf8("1658385579423" + BYBIT_API_KEY + "10000" + body)));
		server.stubFor(get(urlPathEqualTo("/v5/order/realtime")).withQueryParam("category", equalTo("option"))
			.withQueryParam("symbol", equalTo("BTC-29JUL22-25000-C"))
			.withHeader("X-BAPI-API-KEY", equalTo(BYBIT_API_KEY))
			.withHeader("X-BAPI-SIGN", equalTo(getSign))
			.withHeader("X-BAPI-TIMESTAMP", equalTo("1658385579423"))
			.withHeader("X-BAPI-RECV-WINDOW", equalTo("10000"))
			.willReturn(okJson("{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"list\":[]}}")));
		server.stubFor(post(urlPathEqualTo("/v5/order/create")).withHeader("X-BAPI-API-KEY", equalTo(BYBIT_API_KEY))
			.withHeader("X-BAPI-SIGN", equalTo(postSign))
			.withHeader("X-BAPI-TIMESTAMP", equalTo("1658385579423"))
			.withHeader("X-BAPI-RECV-WINDOW", equalTo("10000"))
			.withRequestBody(equalTo(body))
			.willReturn(okJson("{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"orderId\":\"1321003749386327552\"}}")));
		runner(BYBIT_YAML, Instant.ofEpochMilli(1658385579423L)).run((context) -> {
			ExchangeRestClient client = client(context, "bybit");
			TestRequest<BybitResponse> openOrdersRequest = TestRequest.get("/v5/order/realtime", BybitResponse.class,
					ordered("category", "option", "symbol", "BTC-29JUL22-25000-C"));
			TestRequest<BybitResponse> createOrderRequest = TestRequest.post("/v5/order/create", BybitResponse.class,
					ordered("category", "option", "symbol", "BTC-29JUL22-25000-C", "orderType", "Limit", "side", "Buy",
							"qty", "1", "price", "1000"));
			BybitResponse open = client.execute(openOrdersRequest).block(RESPONSE_TIMEOUT);
			assertThat(open).isEqualTo(new BybitResponse(0, "OK", Map.of("list", List.of())));
			BybitResponse created = client.execute(createOrderRequest).block(RESPONSE_TIMEOUT);
			assertThat(created.result()).isEqualTo(Map.of("orderId", "1321003749386327552"));
			assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/v5/order/realtime"))))
				.extracting(LoggedRequest::getUrl)
				.containsExactly("/v5/order/realtime?" + query);
		});
	}

	// Generic hmac signer

	static final String HMAC_SECRET_BASE64 = Base64.getEncoder().encodeToString(utf8("generic-secret-0123456789"));

	static final String HMAC_YAML = """
			exchange-integration:
			  rest:
			    generic-query:
			      base-url: ${wiremock.url}
			      signer: hmac
			      api-key: generic-api-key-1
			      secret: Z2VuZXJpYy1zZWNyZXQtMDEyMzQ1Njc4OQ==
			      hmac:
			        algorithm: sha512
			        signature-encoding: base64
			        secret-encoding: base64
			        prehash: [timestamp, method, path-with-query, body]
			        signature-location: query-param
			        signature-name: sig
			        api-key-header: X-API-KEY
			        timestamp-header: X-TS
			    generic-header:
			      base-url: ${wiremock.url}
			      signer: hmac
			      api-key: generic-api-key-2
			      secret: raw-secret-abc
			      hmac:
			        algorithm: sha384
			        signature-encoding: hex
			        secret-encoding: raw
			        prehash: [timestamp-iso, "literal:|", method, "literal:|", path, "literal:|", query, "literal:|", body]
			        signature-location: header
			        signature-name: X-SIGNATURE
			        api-key-header: X-API-KEY
			        timestamp-header: X-TS
			""";

	@Test
	void genericHmacSignsWithTheConfiguredAlgorithmEncodingsPrehashAndPlacement() {
		assertThat(HMAC_SECRET_BASE64).isEqualTo("Z2VuZXJpYy1zZWNyZXQtMDEyMzQ1Njc4OQ==");
		String querySig = base64(hmac("HmacSHA512", utf8("generic-secret-0123456789"),
				utf8("1700000000000GET/v1/orders?symbol=BTC-USD&limit=10")));
		String body = "{\"symbol\":\"BTC-USD\",\"qty\":\"1\"}";
		String headerSig = hex(hmac("HmacSHA384", utf8("raw-secret-abc"),
				utf8("2023-11-14T22:13:20.000Z|POST|/v1/orders|dryRun=true|" + body)));
		server.stubFor(get(urlPathEqualTo("/v1/orders")).withQueryParam("symbol", equalTo("BTC-USD"))
			.withQueryParam("limit", equalTo("10"))
			.withQueryParam("sig", equalTo(querySig))
			.withHeader("X-API-KEY", equalTo("generic-api-key-1"))
			.withHeader("X-TS", equalTo("1700000000000"))
			.willReturn(okJson("[]")));
		server.stubFor(post(urlPathEqualTo("/v1/orders")).withQueryParam("dryRun", equalTo("true"))
			.withHeader("X-SIGNATURE", equalTo(headerSig))
			.withHeader("X-API-KEY", equalTo("generic-api-key-2"))
			.withHeader("X-TS", equalTo("2023-11-14T22:13:20.000Z"))
			.withRequestBody(equalTo(body))
			.willReturn(aResponse().withStatus(201).withBody("{\"id\":\"7\"}")));
		runner(HMAC_YAML, Instant.ofEpochMilli(1700000000000L)).run((context) -> {
			TestRequest<String> ordersRequest = TestRequest.get("/v1/orders", String.class,
					ordered("symbol", "BTC-USD", "limit", 10));
			@SuppressWarnings("rawtypes")
			TestRequest<Map> newOrderRequest = TestRequest
				.post("/v1/orders", Map.class, ordered("symbol", "BTC-USD", "qty", "1"))
				.withQueryParams(Map.of("dryRun", true));
			ExchangeRestClient queryClient = client(context, "generic-query");
			assertThat(queryClient.execute(ordersRequest).block(RESPONSE_TIMEOUT)).isEqualTo("[]");
			ExchangeRestClient headerClient = client(context, "generic-header");
			assertThat(headerClient.execute(newOrderRequest).block(RESPONSE_TIMEOUT)).isEqualTo(Map.of("id", "7"));
			assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/v1/orders")))).extracting(LoggedRequest::getUrl)
				.containsExactly("/v1/orders?symbol=BTC-USD&limit=10&sig="
						+ URLEncoder.encode(querySig, StandardCharsets.UTF_8));
			assertThat(server.findAll(postRequestedFor(urlPathEqualTo("/v1/orders"))))
				.extracting((request) -> request.getHeader("X-SIGNATURE"))
				.containsExactly(headerSig);
		});
	}

	private static String base64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

	static class BinanceTrading {

		final ExchangeRestClient client;

		BinanceTrading(@Qualifier("binance") ExchangeRestClient client) {
			this.client = client;
		}

	}

	record OrderAck(String symbol, long orderId, String status) {

	}

	record KrakenAddOrderResponse(List<String> error, Result result) {

		record Result(Descr descr, List<String> txid) {

		}

		record Descr(String order) {

		}

	}

	record OkxResponse(String code, String msg, List<Map<String, String>> data) {

	}

	record BybitResponse(int retCode, String retMsg, Map<String, Object> result) {

	}

}
