package dev.exchangeintegration.rest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What Kraken's spot REST private endpoints sign, as documented in "Spot REST
 * Authentication":
 * <ol>
 * <li>puts {@code nonce=}{@link SignableRequest#nonce()} as the first field of the form
 * body, unless the body already has a {@code nonce} field, whose value is then
 * signed;</li>
 * <li>signs the URI path bytes followed by the SHA-256 digest of the nonce followed by
 * the POST data;</li>
 * <li>sends the API key in the {@code API-Key} header and the signature in the
 * {@code API-Sign} header.</li>
 * </ol>
 * The URI path is {@link SignableRequest#path()}, such as {@code /0/private/Balance}, so
 * the client's base URL must not have a path of its own. Kraken's payloads are
 * form-encoded: the client's body encoding must be {@link BodyEncoding#FORM}.
 */
final class KrakenScheme implements SignatureScheme {

	@Override
	public Prehash prepare(SignableRequest request, RestCredentials credentials) {
		String apiKey = credentials.requireApiKey();
		if (request.bodyEncoding() != BodyEncoding.FORM) {
			throw new IllegalStateException(
					"Kraken takes a form-encoded body, not " + request.bodyEncoding() + ": set body-encoding to form");
		}
		String nonce = request.formField("nonce");
		if (nonce == null) {
			nonce = Long.toString(request.nonce());
			request.prependFormField("nonce", nonce);
		}
		ByteArrayOutputStream message = new ByteArrayOutputStream();
		message.writeBytes(request.path().getBytes(StandardCharsets.UTF_8));
		message.writeBytes(Sha256.digest((nonce + request.body()).getBytes(StandardCharsets.UTF_8)));
		return new Prehash(message.toByteArray(), (signature) -> {
			request.header("API-Key", apiKey);
			request.header("API-Sign", signature);
		});
	}

	@Override
	public String toString() {
		return "kraken";
	}

}
