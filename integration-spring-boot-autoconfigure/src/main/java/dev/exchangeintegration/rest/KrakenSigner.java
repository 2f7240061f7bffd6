package dev.exchangeintegration.rest;

import java.util.Base64;

/**
 * Signs requests to Kraken's spot REST private endpoints, as documented in "Spot REST
 * Authentication":
 * <ol>
 * <li>puts {@code nonce=}{@link SignableRequest#nonce()} as the first field of the form
 * body, unless the body already has a {@code nonce} field, whose value is then
 * signed;</li>
 * <li>computes {@code API-Sign}: the Base64 HMAC-SHA512, keyed with the Base64-decoded
 * secret, of the URI path bytes followed by the SHA-256 digest of the nonce followed by
 * the POST data;</li>
 * <li>sends the API key in the {@code API-Key} header and the signature in the
 * {@code API-Sign} header.</li>
 * </ol>
 * The URI path is {@link SignableRequest#path()}, such as {@code /0/private/Balance}, so
 * the client's base URL must not have a path of its own. Kraken's payloads are
 * form-encoded: the client's body encoding must be {@link BodyEncoding#FORM}.
 */
public final class KrakenSigner implements RequestSigner {

	/**
	 * Create a new signer.
	 */
	public KrakenSigner() {
	}

	@Override
	public void sign(SignableRequest request, RestCredentials credentials) {
		String apiKey = credentials.requireApiKey();
		byte[] key = SignatureSupport.decodeBase64(credentials.requireSecret());
		if (request.bodyEncoding() != BodyEncoding.FORM) {
			throw new IllegalStateException(
					"Kraken takes a form-encoded body, not " + request.bodyEncoding() + ": set body-encoding to form");
		}
		String nonce = SignatureSupport.formValue(request.body(), "nonce");
		if (nonce == null) {
			nonce = Long.toString(request.nonce());
			SignatureSupport.prependFormField(request, "nonce", nonce);
		}
		byte[] digest = SignatureSupport.sha256(SignatureSupport.utf8(nonce + request.body()));
		byte[] message = SignatureSupport.concat(SignatureSupport.utf8(request.path()), digest);
		String signature = Base64.getEncoder().encodeToString(SignatureSupport.hmac("HmacSHA512", key, message));
		request.header("API-Key", apiKey);
		request.header("API-Sign", signature);
	}

	@Override
	public String toString() {
		return "KrakenSigner";
	}

}
