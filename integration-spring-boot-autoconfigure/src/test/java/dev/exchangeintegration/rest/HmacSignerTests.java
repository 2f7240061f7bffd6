package dev.exchangeintegration.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.exchangeintegration.rest.Placement.Location;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for the generic signer ({@link Signers#hmac(HmacSignerSpec)}) and
 * {@link HmacSignerSpec}: configured generically, it reproduces the published Binance and
 * Kraken examples and the built-in OKX and Bybit signers. Other expected signatures were
 * computed with {@code openssl dgst -hmac}.
 */
class HmacSignerTests {

	static final String BINANCE_SECRET = BinanceSignerTests.SECRET;

	static final HmacSignerSpec BINANCE = HmacSignerSpec.builder()
		.prehash(PrehashPart.QUERY, PrehashPart.BODY)
		.timestamp(Placement.queryParam("timestamp"))
		.signature(Placement.queryParam("signature"))
		.apiKeyHeader("X-MBX-APIKEY")
		.build();

	static final HmacSignerSpec KRAKEN = HmacSignerSpec.builder()
		.algorithm(HmacAlgorithm.SHA512)
		.secretEncoding(SecretEncoding.BASE64)
		.prehash(PrehashPart.PATH, PrehashPart.sha256(PrehashPart.NONCE, PrehashPart.BODY))
		.signatureEncoding(SignatureEncoding.BASE64)
		.nonce(Placement.formField("nonce"))
		.signature(Placement.header("API-Sign"))
		.apiKeyHeader("API-Key")
		.build();

	@Test
	void reproducesTheBinanceQueryStringExampleAddingTheTimestampLast() {
		SignableRequest request = new SignableRequest(HttpMethod.POST, "/api/v3/order",
				BinanceSignerTests.params(
						"symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1" + "&recvWindow=5000"),
				"", BodyEncoding.FORM, Instant.ofEpochMilli(1499827319559L), 1L);
		Signers.hmac(BINANCE).sign(request, BinanceSignerTests.CREDENTIALS);
		assertThat(request.encodedQuery())
			.isEqualTo(BinanceSignerTests.ALL_PARAMS + "&signature=" + BinanceSignerTests.ALL_PARAMS_SIGNATURE);
		assertThat(request.headers()).containsOnly(Map.entry("X-MBX-APIKEY", BinanceSignerTests.API_KEY));
	}

	@Test
	void reproducesTheBinanceMixedExampleKeepingTheTimestampOfTheBody() {
		SignableRequest request = new SignableRequest(HttpMethod.POST, "/api/v3/order",
				BinanceSignerTests.params("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC"),
				"quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559", BodyEncoding.FORM, Instant.EPOCH, 1L);
		Signers.hmac(BINANCE).sign(request, BinanceSignerTests.CREDENTIALS);
		assertThat(request.encodedQuery()).isEqualTo(
				"symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&signature=" + BinanceSignerTests.MIXED_SIGNATURE);
		assertThat(request.body()).isEqualTo("quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559");
	}

	@Test
	void reproducesTheKrakenExampleWithANestedSha256Part() {
		SignableRequest request = new SignableRequest(HttpMethod.POST, "/0/private/AddOrder", List.of(),
				KrakenSignerTests.PAYLOAD, BodyEncoding.FORM, Instant.EPOCH, KrakenSignerTests.NONCE);
		Signers.hmac(KRAKEN).sign(request, KrakenSignerTests.CREDENTIALS);
		assertThat(request.body()).isEqualTo("nonce=1616492376594&" + KrakenSignerTests.PAYLOAD);
		assertThat(request.headers()).containsOnly(Map.entry("API-Sign", KrakenSignerTests.API_SIGN),
				Map.entry("API-Key", KrakenSignerTests.API_KEY));
	}

	@Test
	void signsTheNonceTheBodyAlreadyCarries() {
		SignableRequest request = new SignableRequest(HttpMethod.POST, "/0/private/AddOrder", List.of(),
				"nonce=1616492376594&" + KrakenSignerTests.PAYLOAD, BodyEncoding.FORM, Instant.EPOCH, 42L);
		Signers.hmac(KRAKEN).sign(request, KrakenSignerTests.CREDENTIALS);
		assertThat(request.body()).isEqualTo("nonce=1616492376594&" + KrakenSignerTests.PAYLOAD);
		assertThat(request.headers()).containsEntry("API-Sign", KrakenSignerTests.API_SIGN);
	}

	@Test
	void reproducesTheOkxSignerAndSendsTheIsoTimestampThatWasSigned() {
		HmacSignerSpec okx = HmacSignerSpec.builder()
			.prehash(PrehashPart.TIMESTAMP_ISO, PrehashPart.METHOD, PrehashPart.PATH_WITH_QUERY, PrehashPart.BODY)
			.signatureEncoding(SignatureEncoding.BASE64)
			.signature(Placement.header("OK-ACCESS-SIGN"))
			.apiKeyHeader("OK-ACCESS-KEY")
			.timestamp(Placement.header("OK-ACCESS-TIMESTAMP"))
			.build();
		SignableRequest request = new SignableRequest(HttpMethod.GET, "/api/v5/account/balance",
				List.of(Map.entry("ccy", "BTC")), "", BodyEncoding.JSON, OkxSignerTests.TIMESTAMP, 1L);
		Signers.hmac(okx).sign(request, OkxSignerTests.CREDENTIALS);
		assertThat(request.headers()).containsOnly(Map.entry("OK-ACCESS-KEY", OkxSignerTests.API_KEY),
				Map.entry("OK-ACCESS-SIGN", "HiZhvSfMtWJA3uUIVXV3a/bSXNPCWvYFXoGCVS8V4zY="),
				Map.entry("OK-ACCESS-TIMESTAMP", "2020-12-08T09:08:57.715Z"));
	}

	@Test
	void reproducesTheBybitSignerWithTheApiKeyAndALiteralPart() {
		HmacSignerSpec bybit = HmacSignerSpec.builder()
			.prehash(PrehashPart.TIMESTAMP, PrehashPart.API_KEY, PrehashPart.literal("5000"), PrehashPart.QUERY)
			.signature(Placement.header("X-BAPI-SIGN"))
			.apiKeyHeader("X-BAPI-API-KEY")
			.timestamp(Placement.header("X-BAPI-TIMESTAMP"))
			.build();
		SignableRequest request = new SignableRequest(HttpMethod.GET, "/v5/order/realtime",
				List.of(Map.entry("category", "option"), Map.entry("symbol", "BTC-29JUL22-25000-C")), "",
				BodyEncoding.JSON, Instant.ofEpochMilli(1658384314791L), 1L);
		Signers.hmac(bybit).sign(request, BybitSignerTests.CREDENTIALS);
		assertThat(request.headers()).containsOnly(Map.entry("X-BAPI-API-KEY", BybitSignerTests.API_KEY),
				Map.entry("X-BAPI-SIGN", "22ce9c26594d8ef5f128575ee2529d36303b16873bd9dc7eec7f2718b6a25883"),
				Map.entry("X-BAPI-TIMESTAMP", "1658384314791"));
	}

	@Test
	void decodesABase64SecretAndPutsABase64SignatureInAQueryParam() {
		HmacSignerSpec spec = HmacSignerSpec.builder()
			.secretEncoding(SecretEncoding.BASE64)
			.prehash(PrehashPart.QUERY)
			.signatureEncoding(SignatureEncoding.BASE64)
			.signature(Placement.queryParam("sig"))
			.build();
		String base64Secret = "TmhxUHRtZFNKWWRLalZIakE3UFpqNE1nZTNSNVlOaVAxZTNVWmpJbkNsVk42NVhBYnZxcU02QTdINWZBVGowag==";
		SignableRequest request = new SignableRequest(HttpMethod.GET, "/api/v3/order",
				BinanceSignerTests.params(BinanceSignerTests.ALL_PARAMS), "", BodyEncoding.JSON, Instant.EPOCH, 1L);
		Signers.hmac(spec).sign(request, new RestCredentials(null, base64Secret, null));
		assertThat(request.queryParams().get(request.queryParams().size() - 1))
			.isEqualTo(Map.entry("sig", "yNtWglrnHW15RHhJ5hcRX0qSD6Ks3KsrBTxLKDi9a3E="));
		assertThat(request.encodedQuery()).endsWith("&sig=yNtWglrnHW15RHhJ5hcRX0qSD6Ks3KsrBTxLKDi9a3E%3D");
		assertThat(request.headers()).isEmpty();
	}

	@Test
	void concatenatesPartsWithLiteralSeparatorsAfterAddingTheTimestampParam() {
		HmacSignerSpec spec = HmacSignerSpec.builder()
			.algorithm(HmacAlgorithm.SHA384)
			.prehash(PrehashPart.METHOD, PrehashPart.literal("\n"), PrehashPart.PATH, PrehashPart.literal("\n"),
					PrehashPart.QUERY)
			.timestamp(Placement.queryParam("timestamp"))
			.signature(Placement.header("X-SIGNATURE"))
			.build();
		SignableRequest request = new SignableRequest(HttpMethod.POST, "/api/v3/order",
				List.of(Map.entry("symbol", "LTCBTC")), "", BodyEncoding.JSON, Instant.ofEpochMilli(1499827319559L),
				1L);
		Signers.hmac(spec).sign(request, new RestCredentials(null, BINANCE_SECRET, null));
		assertThat(request.encodedQuery()).isEqualTo("symbol=LTCBTC&timestamp=1499827319559");
		assertThat(request.headers()).containsOnly(Map.entry("X-SIGNATURE",
				"ed76783bb61e03bc212a3d933ac2f5eb20a098f4cfd2fbadcc0ec1f7e25d0043a0b5832c6194b868efc97490d55a8f79"));
	}

	@Test
	void sendsTheNonceAndAMillisecondTimestampInHeaders() {
		HmacSignerSpec spec = HmacSignerSpec.builder()
			.algorithm(HmacAlgorithm.SHA512)
			.prehash(PrehashPart.TIMESTAMP, PrehashPart.literal(":"), PrehashPart.NONCE, PrehashPart.literal(":"),
					PrehashPart.METHOD)
			.timestamp(Placement.header("X-TIMESTAMP"))
			.nonce(Placement.header("X-NONCE"))
			.signature(Placement.header("X-SIGNATURE"))
			.build();
		SignableRequest request = new SignableRequest(HttpMethod.POST, "/orders", List.of(), "", BodyEncoding.JSON,
				Instant.ofEpochMilli(1499827319559L), 7L);
		Signers.hmac(spec).sign(request, new RestCredentials(null, BINANCE_SECRET, null));
		assertThat(request.headers())
			.containsOnly(Map.entry("X-TIMESTAMP", "1499827319559"), Map.entry("X-NONCE", "7"), Map.entry("X-SIGNATURE",
					"9d0712271ed86cf2ac53dd7901ab8e456fa6a3a40bf3f96b3c6db38688301a58c697d08f6819e50a258f8f370e3a34f86f86b83af8d37946a77274841b06407f"));
	}

	@Test
	void needsNoApiKeyWhenTheSpecDoesNotUseOne() {
		HmacSignerSpec spec = HmacSignerSpec.builder()
			.prehash(PrehashPart.PATH)
			.signature(Placement.header("X-SIG"))
			.build();
		SignableRequest request = new SignableRequest(HttpMethod.GET, "/", List.of(), "", BodyEncoding.JSON,
				Instant.EPOCH, 1L);
		Signers.hmac(spec).sign(request, new RestCredentials(null, "secret", null));
		assertThat(request.headers()).containsOnlyKeys("X-SIG");
		assertThatIllegalStateException()
			.isThrownBy(() -> Signers.hmac(BINANCE).sign(request, new RestCredentials(null, "secret", null)))
			.withMessageContaining("api-key");
	}

	@Test
	void rejectsANonceFormFieldWithAJsonBody() {
		SignableRequest request = new SignableRequest(HttpMethod.POST, "/0/private/Balance", List.of(), "",
				BodyEncoding.JSON, Instant.EPOCH, 1L);
		assertThatIllegalStateException()
			.isThrownBy(() -> Signers.hmac(KRAKEN).sign(request, KrakenSignerTests.CREDENTIALS))
			.withMessageContaining("form");
	}

	@Test
	void rejectsAnInvalidBase64SecretWithoutShowingIt() {
		String secret = "this-is-not-base64";
		SignableRequest request = new SignableRequest(HttpMethod.POST, "/0/private/Balance", List.of(), "",
				BodyEncoding.FORM, Instant.EPOCH, 1L);
		assertThatIllegalStateException()
			.isThrownBy(() -> Signers.hmac(KRAKEN).sign(request, new RestCredentials("key", secret, null)))
			.withMessage("The secret is not valid Base64")
			.withNoCause();
	}

	@Test
	void specDefaultsToRawSecretHexSha256AndNothingElseSent() {
		HmacSignerSpec spec = HmacSignerSpec.builder()
			.prehash(PrehashPart.BODY)
			.signature(Placement.header("S"))
			.build();
		assertThat(spec.algorithm()).isEqualTo(HmacAlgorithm.SHA256);
		assertThat(spec.secretEncoding()).isEqualTo(SecretEncoding.RAW);
		assertThat(spec.signatureEncoding()).isEqualTo(SignatureEncoding.HEX);
		assertThat(spec.apiKeyHeader()).isNull();
		assertThat(spec.timestamp()).isNull();
		assertThat(spec.nonce()).isNull();
		assertThat(HmacAlgorithm.SHA512.jcaName()).isEqualTo("HmacSHA512");
	}

	@Test
	void specRejectsIncompleteOrInconsistentConfiguration() {
		assertThatIllegalStateException().isThrownBy(() -> HmacSignerSpec.builder().prehash(PrehashPart.BODY).build());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> HmacSignerSpec.builder().signature(Placement.header("S")).build());
		assertThatIllegalArgumentException().isThrownBy(() -> HmacSignerSpec.builder()
			.prehash(PrehashPart.BODY)
			.signature(Placement.formField("signature"))
			.build());
		assertThatIllegalArgumentException().isThrownBy(() -> new Placement(Location.HEADER, ""));
		assertThatIllegalArgumentException().isThrownBy(() -> PrehashPart.of(PrehashPart.Kind.SHA256));
		assertThatIllegalArgumentException().isThrownBy(PrehashPart::sha256);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PrehashPart(PrehashPart.Kind.PATH, "text", List.of()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PrehashPart(PrehashPart.Kind.PATH, "", List.of(PrehashPart.BODY)));
	}

	@Test
	void neverPutsTheSecretInTheRequestOrItsDescription() {
		SignableRequest request = new SignableRequest(HttpMethod.POST, "/api/v3/order",
				BinanceSignerTests.params("symbol=LTCBTC"), "", BodyEncoding.FORM, Instant.EPOCH, 1L);
		RequestSigner signer = Signers.hmac(BINANCE);
		signer.sign(request, BinanceSignerTests.CREDENTIALS);
		SignerAssertions.assertNoSecret(request, BINANCE_SECRET);
		assertThat(signer).asString().doesNotContain(BINANCE_SECRET);
		SignableRequest krakenRequest = new SignableRequest(HttpMethod.POST, "/0/private/Balance", List.of(), "",
				BodyEncoding.FORM, Instant.EPOCH, 1L);
		Signers.hmac(KRAKEN).sign(krakenRequest, KrakenSignerTests.CREDENTIALS);
		SignerAssertions.assertNoSecret(krakenRequest, KrakenSignerTests.SECRET);
	}

}
