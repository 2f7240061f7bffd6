package dev.exchangeintegration.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for the Binance signer ({@link Signers#binance(Duration)}), against the examples
 * of Binance's "SIGNED Endpoint Examples for POST /api/v3/order".
 */
class BinanceSignerTests {

	static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";

	static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

	static final RestCredentials CREDENTIALS = new RestCredentials(API_KEY, SECRET, null);

	static final Instant TIMESTAMP = Instant.ofEpochMilli(1499827319559L);

	static final String ALL_PARAMS = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1"
			+ "&recvWindow=5000&timestamp=1499827319559";

	static final String ALL_PARAMS_SIGNATURE = "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71";

	static final String MIXED_SIGNATURE = "0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77";

	@Test
	void signsThePublishedQueryStringExample() {
		SignableRequest request = request(params(ALL_PARAMS), "", BodyEncoding.FORM);
		Signers.binance(null).sign(request, CREDENTIALS);
		assertThat(request.encodedQuery()).isEqualTo(ALL_PARAMS + "&signature=" + ALL_PARAMS_SIGNATURE);
		assertThat(request.body()).isEmpty();
		assertThat(request.headers()).containsExactly(Map.entry("X-MBX-APIKEY", API_KEY));
	}

	@Test
	void signsThePublishedRequestBodyExampleWithTheSignatureLastInTheBody() {
		SignableRequest request = request(List.of(), ALL_PARAMS, BodyEncoding.FORM);
		Signers.binance(null).sign(request, CREDENTIALS);
		assertThat(request.encodedQuery()).isEmpty();
		assertThat(request.body()).isEqualTo(ALL_PARAMS + "&signature=" + ALL_PARAMS_SIGNATURE);
	}

	@Test
	void signsThePublishedMixedExampleAsQueryConcatenatedWithBody() {
		SignableRequest request = request(params("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC"),
				"quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559", BodyEncoding.FORM);
		Signers.binance(Duration.ofSeconds(5)).sign(request, CREDENTIALS);
		assertThat(request.encodedQuery()).isEqualTo("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC");
		assertThat(request.body())
			.isEqualTo("quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559&signature=" + MIXED_SIGNATURE);
	}

	@Test
	void appendsRecvWindowThenTimestampFromTheRequestBeforeTheSignature() {
		SignableRequest request = request(
				params("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1"), "",
				BodyEncoding.JSON);
		Signers.binance(Duration.ofMillis(5000)).sign(request, CREDENTIALS);
		assertThat(request.encodedQuery()).isEqualTo(ALL_PARAMS + "&signature=" + ALL_PARAMS_SIGNATURE);
	}

	@Test
	void sendsNoRecvWindowByDefault() {
		SignableRequest request = request(params("symbol=LTCBTC"), "", BodyEncoding.FORM);
		Signers.binance(null).sign(request, CREDENTIALS);
		assertThat(request.param("recvWindow")).isNull();
		assertThat(request.queryParams()).extracting(Map.Entry::getKey)
			.containsExactly("symbol", "timestamp", "signature");
	}

	@Test
	void keepsATimestampTheRequestAlreadyCarries() {
		SignableRequest request = request(params("symbol=LTCBTC&timestamp=1"), "", BodyEncoding.FORM);
		Signers.binance(null).sign(request, CREDENTIALS);
		assertThat(request.queryParams()).extracting(Map.Entry::getKey)
			.containsExactly("symbol", "timestamp", "signature");
		assertThat(request.queryParams().get(1).getValue()).isEqualTo("1");
	}

	@Test
	void signsTheQueryAsEncodedOnTheWire() {
		SignableRequest request = request(
				List.of(Map.entry("symbol", "１２３４５６"), Map.entry("side", "BUY"), Map.entry("type", "LIMIT"),
						Map.entry("timeInForce", "GTC"), Map.entry("quantity", "1"), Map.entry("price", "0.1"),
						Map.entry("recvWindow", "5000"), Map.entry("timestamp", "1499827319559")),
				"", BodyEncoding.FORM);
		Signers.binance(null).sign(request, CREDENTIALS);
		// Binance's own example of a payload with non-ASCII characters
		assertThat(request.encodedQuery()).startsWith("symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96&")
			.endsWith("&signature=e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3");
	}

	@Test
	void rejectsAJsonBody() {
		SignableRequest request = request(List.of(), "{\"symbol\":\"LTCBTC\"}", BodyEncoding.JSON);
		assertThatIllegalStateException().isThrownBy(() -> Signers.binance(null).sign(request, CREDENTIALS))
			.withMessageNotContaining(SECRET);
	}

	@Test
	void neverPutsTheSecretInTheRequest() {
		SignableRequest request = request(params("symbol=LTCBTC"), "quantity=1", BodyEncoding.FORM);
		Signers.binance(Duration.ofSeconds(1)).sign(request, CREDENTIALS);
		SignerAssertions.assertNoSecret(request, SECRET);
		assertThat(Signers.binance(Duration.ofSeconds(1))).asString().doesNotContain(SECRET);
	}

	@Test
	void failsWithoutCredentials() {
		SignableRequest request = request(List.of(), "", BodyEncoding.FORM);
		assertThatIllegalStateException().isThrownBy(() -> Signers.binance(null).sign(request, RestCredentials.NONE))
			.withMessageContaining("api-key");
		assertThatIllegalStateException()
			.isThrownBy(() -> Signers.binance(null).sign(request, new RestCredentials(API_KEY, null, null)))
			.withMessageContaining("secret");
	}

	static SignableRequest request(List<Map.Entry<String, String>> query, String body, BodyEncoding encoding) {
		return new SignableRequest(HttpMethod.POST, "/api/v3/order", query, body, encoding, TIMESTAMP, 1L);
	}

	static List<Map.Entry<String, String>> params(String query) {
		List<Map.Entry<String, String>> params = new ArrayList<>();
		for (String param : query.split("&")) {
			String[] nameAndValue = param.split("=", 2);
			params.add(Map.entry(nameAndValue[0], nameAndValue[1]));
		}
		return params;
	}

}
