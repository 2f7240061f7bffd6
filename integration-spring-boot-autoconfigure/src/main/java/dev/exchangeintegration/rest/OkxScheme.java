package dev.exchangeintegration.rest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What OKX's v5 REST private endpoints sign, as documented in "REST Authentication":
 * <ol>
 * <li>signs the prehash string: the timestamp (ISO-8601, UTC, with milliseconds, such as
 * {@code 2020-12-08T09:08:57.715Z}), the upper-case method, the request path (the path,
 * then {@code ?} and the encoded query when there is one) and the body (empty when there
 * is none), concatenated;</li>
 * <li>sends the {@code OK-ACCESS-KEY}, {@code OK-ACCESS-SIGN},
 * {@code OK-ACCESS-TIMESTAMP} (the signed timestamp) and {@code OK-ACCESS-PASSPHRASE}
 * headers.</li>
 * </ol>
 * OKX takes JSON bodies. The credentials need a passphrase.
 */
final class OkxScheme implements SignatureScheme {

	@Override
	public Prehash prepare(SignableRequest request, RestCredentials credentials) {
		String apiKey = credentials.requireApiKey();
		String passphrase = credentials.requirePassphrase();
		String timestamp = request.timestampIso();
		String prehash = timestamp + request.method().name().toUpperCase(Locale.ROOT) + request.pathWithQuery()
				+ request.body();
		return new Prehash(prehash.getBytes(StandardCharsets.UTF_8), (signature) -> {
			request.header("OK-ACCESS-KEY", apiKey);
			request.header("OK-ACCESS-SIGN", signature);
			request.header("OK-ACCESS-TIMESTAMP", timestamp);
			request.header("OK-ACCESS-PASSPHRASE", passphrase);
		});
	}

	@Override
	public String toString() {
		return "okx";
	}

}
