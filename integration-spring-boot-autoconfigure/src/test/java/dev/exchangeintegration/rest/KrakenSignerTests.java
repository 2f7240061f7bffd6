package dev.exchangeintegration.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for the Kraken signer ({@link Signers#kraken()}), against the example of Kraken's
 * "Spot REST Authentication" guide.
 */
class KrakenSignerTests {

	static final String API_KEY = "kraken-api-key";

	static final String SECRET = "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==";

	static final RestCredentials CREDENTIALS = new RestCredentials(API_KEY, SECRET, null);

	static final long NONCE = 1616492376594L;

	static final String PAYLOAD = "ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25";

	static final String API_SIGN = "4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ==";

	@Test
	void putsTheNonceFirstInTheBodyAndSignsThePublishedExample() {
		SignableRequest request = request("/0/private/AddOrder", PAYLOAD, BodyEncoding.FORM);
		Signers.kraken().sign(request, CREDENTIALS);
		assertThat(request.body()).isEqualTo("nonce=1616492376594&" + PAYLOAD);
		assertThat(request.headers()).containsOnly(Map.entry("API-Key", API_KEY), Map.entry("API-Sign", API_SIGN));
		assertThat(request.queryParams()).isEmpty();
	}

	@Test
	void keepsANonceTheBodyAlreadyHasAndSignsIt() {
		SignableRequest request = new SignableRequest(HttpMethod.POST, "/0/private/AddOrder", List.of(),
				"nonce=1616492376594&" + PAYLOAD, BodyEncoding.FORM, Instant.EPOCH, 42L);
		Signers.kraken().sign(request, CREDENTIALS);
		assertThat(request.body()).isEqualTo("nonce=1616492376594&" + PAYLOAD);
		assertThat(request.headers()).containsEntry("API-Sign", API_SIGN);
	}

	@Test
	void signsABodyOfTheNonceAloneWhenThereIsNoOtherField() {
		SignableRequest request = request("/0/private/Balance", "", BodyEncoding.FORM);
		Signers.kraken().sign(request, CREDENTIALS);
		assertThat(request.body()).isEqualTo("nonce=1616492376594");
		assertThat(request.headers().get("API-Sign")).isNotEqualTo(API_SIGN).hasSize(88);
	}

	@Test
	void signsThePathSoThatAnotherEndpointGetsAnotherSignature() {
		SignableRequest request = request("/0/private/CancelOrder", PAYLOAD, BodyEncoding.FORM);
		Signers.kraken().sign(request, CREDENTIALS);
		assertThat(request.headers().get("API-Sign")).isNotEqualTo(API_SIGN);
	}

	@Test
	void rejectsAJsonBodyEncoding() {
		SignableRequest request = request("/0/private/Balance", "", BodyEncoding.JSON);
		assertThatIllegalStateException().isThrownBy(() -> Signers.kraken().sign(request, CREDENTIALS))
			.withMessageContaining("form");
	}

	@Test
	void rejectsASecretThatIsNotBase64WithoutShowingIt() {
		String secret = "not-base64-secret!";
		SignableRequest request = request("/0/private/Balance", "", BodyEncoding.FORM);
		assertThatIllegalStateException()
			.isThrownBy(() -> Signers.kraken().sign(request, new RestCredentials(API_KEY, secret, null)))
			.withMessage("The secret is not valid Base64")
			.withNoCause();
	}

	@Test
	void neverPutsTheSecretInTheRequest() {
		SignableRequest request = request("/0/private/AddOrder", PAYLOAD, BodyEncoding.FORM);
		Signers.kraken().sign(request, CREDENTIALS);
		SignerAssertions.assertNoSecret(request, SECRET);
		assertThat(Signers.kraken()).asString().doesNotContain(SECRET);
	}

	private static SignableRequest request(String path, String body, BodyEncoding encoding) {
		return new SignableRequest(HttpMethod.POST, path, List.of(), body, encoding, Instant.EPOCH, NONCE);
	}

}
