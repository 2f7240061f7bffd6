package dev.exchangeintegration.rest;

import java.util.Base64;
import java.util.Locale;

/**
 * Signs requests to OKX's v5 REST private endpoints, as documented in "REST
 * Authentication":
 * <ol>
 * <li>builds the prehash string: the timestamp (ISO-8601, UTC, with milliseconds, such as
 * {@code 2020-12-08T09:08:57.715Z}), the upper-case method, the request path (the path,
 * then {@code ?} and the encoded query when there is one) and the body (empty when there
 * is none), concatenated;</li>
 * <li>computes {@code OK-ACCESS-SIGN}: the Base64 HMAC-SHA256 of the prehash string,
 * keyed with the secret;</li>
 * <li>sends the {@code OK-ACCESS-KEY}, {@code OK-ACCESS-SIGN},
 * {@code OK-ACCESS-TIMESTAMP} (the signed timestamp) and {@code OK-ACCESS-PASSPHRASE}
 * headers.</li>
 * </ol>
 * OKX takes JSON bodies. The credentials need a passphrase.
 */
public final class OkxSigner implements RequestSigner {

	/**
	 * Create a new signer.
	 */
	public OkxSigner() {
	}

	@Override
	public void sign(SignableRequest request, RestCredentials credentials) {
		String apiKey = credentials.requireApiKey();
		byte[] key = SignatureSupport.utf8(credentials.requireSecret());
		String passphrase = credentials.requirePassphrase();
		String timestamp = SignatureSupport.isoMillis(request.timestamp());
		String prehash = timestamp + request.method().name().toUpperCase(Locale.ROOT)
				+ SignatureSupport.pathWithQuery(request) + request.body();
		String signature = Base64.getEncoder()
			.encodeToString(SignatureSupport.hmac("HmacSHA256", key, SignatureSupport.utf8(prehash)));
		request.header("OK-ACCESS-KEY", apiKey);
		request.header("OK-ACCESS-SIGN", signature);
		request.header("OK-ACCESS-TIMESTAMP", timestamp);
		request.header("OK-ACCESS-PASSPHRASE", passphrase);
	}

	@Override
	public String toString() {
		return "OkxSigner";
	}

}
