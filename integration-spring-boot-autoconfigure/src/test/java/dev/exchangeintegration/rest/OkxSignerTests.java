package dev.exchangeintegration.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for the OKX signer ({@link Signers#okx()}). The expected signatures were computed
 * independently, with
 * {@code echo -n PREHASH | openssl dgst -sha256 -hmac SECRET -binary | base64}, on the
 * prehash strings written out below, and are checked again with a local HMAC.
 */
class OkxSignerTests {

	static final String API_KEY = "okx-api-key";

	// The example SecretKey of OKX's documentation
	static final String SECRET = "22582BD0CFF14C41EDBF1AB98506286D";

	static final String PASSPHRASE = "okx-passphrase";

	static final RestCredentials CREDENTIALS = new RestCredentials(API_KEY, SECRET, PASSPHRASE);

	// The example timestamp of OKX's documentation
	static final Instant TIMESTAMP = Instant.parse("2020-12-08T09:08:57.715Z");

	@Test
	void signsAGetWithItsQueryInTheRequestPath() {
		SignableRequest request = new SignableRequest(HttpMethod.GET, "/api/v5/account/balance",
				List.of(Map.entry("ccy", "BTC")), "", BodyEncoding.JSON, TIMESTAMP, 1L);
		Signers.okx().sign(request, CREDENTIALS);
		String prehash = "2020-12-08T09:08:57.715ZGET/api/v5/account/balance?ccy=BTC";
		assertThat(hmacSha256Base64(SECRET, prehash)).isEqualTo("HiZhvSfMtWJA3uUIVXV3a/bSXNPCWvYFXoGCVS8V4zY=");
		assertThat(request.headers()).containsOnly(Map.entry("OK-ACCESS-KEY", API_KEY),
				Map.entry("OK-ACCESS-SIGN", "HiZhvSfMtWJA3uUIVXV3a/bSXNPCWvYFXoGCVS8V4zY="),
				Map.entry("OK-ACCESS-TIMESTAMP", "2020-12-08T09:08:57.715Z"),
				Map.entry("OK-ACCESS-PASSPHRASE", PASSPHRASE));
		assertThat(request.encodedQuery()).isEqualTo("ccy=BTC");
	}

	@Test
	void signsAPostWithItsJsonBody() {
		String body = "{\"instId\":\"BTC-USDT\",\"lever\":\"5\",\"mgnMode\":\"isolated\"}";
		SignableRequest request = new SignableRequest(HttpMethod.POST, "/api/v5/account/set-leverage", List.of(), body,
				BodyEncoding.JSON, TIMESTAMP, 1L);
		Signers.okx().sign(request, CREDENTIALS);
		String prehash = "2020-12-08T09:08:57.715ZPOST/api/v5/account/set-leverage"
				+ "{\"instId\":\"BTC-USDT\",\"lever\":\"5\",\"mgnMode\":\"isolated\"}";
		assertThat(hmacSha256Base64(SECRET, prehash)).isEqualTo("eCnnCgWLjlQ9XnpUkrcny3qNq3WW/81KNrDr/XR6Xv8=");
		assertThat(request.headers()).containsEntry("OK-ACCESS-SIGN", "eCnnCgWLjlQ9XnpUkrcny3qNq3WW/81KNrDr/XR6Xv8=");
		assertThat(request.body()).isEqualTo(body);
	}

	@Test
	void alwaysWritesTheTimestampWithMilliseconds() {
		SignableRequest request = new SignableRequest(HttpMethod.GET, "/api/v5/account/balance", List.of(), "",
				BodyEncoding.JSON, Instant.parse("2020-12-08T09:08:57Z"), 1L);
		Signers.okx().sign(request, CREDENTIALS);
		String prehash = "2020-12-08T09:08:57.000ZGET/api/v5/account/balance";
		assertThat(hmacSha256Base64(SECRET, prehash)).isEqualTo("47lOZ9e8H4foBu7YtJGvBW1IZFQDkL78n4R74Jje0eQ=");
		assertThat(request.headers()).containsEntry("OK-ACCESS-TIMESTAMP", "2020-12-08T09:08:57.000Z")
			.containsEntry("OK-ACCESS-SIGN", "47lOZ9e8H4foBu7YtJGvBW1IZFQDkL78n4R74Jje0eQ=");
	}

	@Test
	void requiresAPassphrase() {
		SignableRequest request = new SignableRequest(HttpMethod.GET, "/api/v5/account/balance", List.of(), "",
				BodyEncoding.JSON, TIMESTAMP, 1L);
		assertThatIllegalStateException()
			.isThrownBy(() -> Signers.okx().sign(request, new RestCredentials(API_KEY, SECRET, null)))
			.withMessageContaining("passphrase")
			.withMessageNotContaining(SECRET);
	}

	@Test
	void neverPutsTheSecretInTheRequest() {
		SignableRequest request = new SignableRequest(HttpMethod.POST, "/api/v5/trade/order",
				List.of(Map.entry("a", "b")), "{}", BodyEncoding.JSON, TIMESTAMP, 1L);
		Signers.okx().sign(request, CREDENTIALS);
		SignerAssertions.assertNoSecret(request, SECRET);
		assertThat(Signers.okx()).asString().doesNotContain(SECRET);
	}

	private static String hmacSha256Base64(String secret, String message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
