package dev.exchangeintegration.rest;

import java.util.function.Consumer;

/**
 * What an exchange signs and where the signature goes, the only part of signing that
 * differs from one exchange to the next: {@link MacSigner} computes the MAC and encodes
 * it, the same way for all of them. Built in: {@link Signers}.
 */
@FunctionalInterface
public interface SignatureScheme {

	/**
	 * Prepare a request for signing: add what the exchange wants signed and sent (a
	 * timestamp, a nonce, the API key), and say what to sign and where the signature
	 * goes. Never put the secret in the request.
	 * @param request the request, which may be changed
	 * @param credentials the client's credentials
	 * @return what to sign and where the signature goes
	 */
	Prehash prepare(SignableRequest request, RestCredentials credentials);

	/**
	 * What to sign and where its signature goes.
	 *
	 * @param message the bytes to sign
	 * @param placement puts the encoded signature in the request, with whatever must go
	 * with it, such as the API key header
	 */
	record Prehash(byte[] message, Consumer<String> placement) {

	}

}
