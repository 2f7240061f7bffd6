package dev.exchangeintegration.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assertions shared by the signer tests.
 */
final class SignerAssertions {

	private SignerAssertions() {
	}

	/**
	 * Assert that a signed request carries the secret nowhere: not in a header name or
	 * value, a query parameter, the encoded query or the body, plain or percent-encoded.
	 * @param request the signed request
	 * @param secret the secret
	 */
	static void assertNoSecret(SignableRequest request, String secret) {
		for (Map.Entry<String, String> header : request.headers().entrySet()) {
			assertThat(header.getKey()).doesNotContain(secret);
			assertThat(header.getValue()).doesNotContain(secret);
		}
		for (Map.Entry<String, String> param : request.queryParams()) {
			assertThat(param.getKey()).doesNotContain(secret);
			assertThat(param.getValue()).doesNotContain(secret);
		}
		String encodedSecret = URLEncoder.encode(secret, StandardCharsets.UTF_8);
		assertThat(request.encodedQuery()).doesNotContain(secret).doesNotContain(encodedSecret);
		assertThat(request.body()).doesNotContain(secret).doesNotContain(encodedSecret);
	}

}
