package dev.exchangeintegration.rest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the Bybit signer ({@link Signers#bybit(Duration)}), on the plain texts of
 * Bybit's v5 "Integration Guidance". The expected signatures were computed independently,
 * with {@code echo -n PLAIN_TEXT | openssl dgst -sha256 -hmac SECRET}, on the plain texts
 * written out below, and are checked again with a local HMAC.
 */
class BybitSignerTests {

	// The example API key of Bybit's documentation
	static final String API_KEY = "XXXXXXXXXX";

	static final String SECRET = "bybit-test-secret-0123456789";

	static final RestCredentials CREDENTIALS = new RestCredentials(API_KEY, SECRET, null);

	@Test
	void signsAGetWithItsQueryAsInTheDocumentation() {
		SignableRequest request = new SignableRequest(HttpMethod.GET, "/v5/order/realtime",
				List.of(Map.entry("category", "option"), Map.entry("symbol", "BTC-29JUL22-25000-C")), "",
				BodyEncoding.JSON, Instant.ofEpochMilli(1658384314791L), 1L);
		Signers.bybit().sign(request, CREDENTIALS);
		String plainText = "1658384314791XXXXXXXXXX5000category=option&symbol=BTC-29JUL22-25000-C";
		String expected = "22ce9c26594d8ef5f128575ee2529d36303b16873bd9dc7eec7f2718b6a25883";
		assertThat(hmacSha256Hex(SECRET, plainText)).isEqualTo(expected);
		assertThat(request.headers()).containsOnly(Map.entry("X-BAPI-API-KEY", API_KEY),
				Map.entry("X-BAPI-SIGN", expected), Map.entry("X-BAPI-TIMESTAMP", "1658384314791"),
				Map.entry("X-BAPI-RECV-WINDOW", "5000"));
		assertThat(request.encodedQuery()).isEqualTo("category=option&symbol=BTC-29JUL22-25000-C");
	}

	@Test
	void signsAPostWithItsRawBodyAsInTheDocumentation() {
		SignableRequest request = new SignableRequest(HttpMethod.POST, "/v5/order/create", List.of(),
				"{\"category\":\"option\"}", BodyEncoding.JSON, Instant.ofEpochMilli(1658385579423L), 1L);
		Signers.bybit().sign(request, CREDENTIALS);
		String plainText = "1658385579423XXXXXXXXXX5000{\"category\":\"option\"}";
		String expected = "a7e11feb9b2f062b8275dd121e585ff699234e3546b50aee2ce76ccac19d53b5";
		assertThat(hmacSha256Hex(SECRET, plainText)).isEqualTo(expected);
		assertThat(request.headers()).containsEntry("X-BAPI-SIGN", expected)
			.containsEntry("X-BAPI-TIMESTAMP", "1658385579423");
	}

	@Test
	void signsAndSendsAConfiguredReceiveWindow() {
		SignableRequest request = new SignableRequest(HttpMethod.POST, "/v5/order/create", List.of(),
				"{\"category\":\"option\"}", BodyEncoding.JSON, Instant.ofEpochMilli(1658385579423L), 1L);
		Signers.bybit(Duration.ofSeconds(10)).sign(request, CREDENTIALS);
		String plainText = "1658385579423XXXXXXXXXX10000{\"category\":\"option\"}";
		String expected = "dda48f8497037d688a2c47e5a4d4ba45b5d8c544086f83a75d10ec9f138db143";
		assertThat(hmacSha256Hex(SECRET, plainText)).isEqualTo(expected);
		assertThat(request.headers()).containsEntry("X-BAPI-SIGN", expected)
			.containsEntry("X-BAPI-RECV-WINDOW", "10000");
	}

	@Test
	void hasAReceiveWindowOf5000MillisecondsByDefault() {
		assertThat(Signers.BYBIT_DEFAULT_RECV_WINDOW).isEqualTo(Duration.ofMillis(5000));
		SignableRequest request = new SignableRequest(HttpMethod.GET, "/v5/order/realtime", List.of(), "",
				BodyEncoding.JSON, Instant.EPOCH, 1L);
		Signers.bybit().sign(request, CREDENTIALS);
		assertThat(request.headers()).containsEntry("X-BAPI-RECV-WINDOW", "5000");
	}

	@Test
	void rejectsAReceiveWindowUnderOneMillisecond() {
		assertThatIllegalArgumentException().isThrownBy(() -> Signers.bybit(Duration.ZERO));
	}

	@Test
	void neverPutsTheSecretInTheRequest() {
		SignableRequest request = new SignableRequest(HttpMethod.GET, "/v5/order/realtime",
				List.of(Map.entry("category", "spot")), "", BodyEncoding.JSON, Instant.EPOCH, 1L);
		Signers.bybit().sign(request, CREDENTIALS);
		SignerAssertions.assertNoSecret(request, SECRET);
		assertThat(Signers.bybit()).asString().doesNotContain(SECRET);
	}

	private static String hmacSha256Hex(String secret, String message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
