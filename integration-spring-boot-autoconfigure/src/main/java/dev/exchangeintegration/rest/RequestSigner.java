package dev.exchangeintegration.rest;

/**
 * Signs requests the way an exchange requires: adds the timestamp or nonce, the API key
 * and the signature, as headers, query parameters or body fields.
 * <p>
 * Built in: {@code binance}, {@code kraken}, {@code okx}, {@code bybit} and the
 * configurable {@code hmac}; a bean of this type can be named instead. Implementations
 * must never put the secret itself in a header, a parameter, a log or an exception
 * message.
 */
@FunctionalInterface
public interface RequestSigner {

	/**
	 * Sign a request, just before it is sent (and again before every retry).
	 * @param request the request to sign: its query, body and headers may be changed
	 * @param credentials the client's credentials
	 */
	void sign(SignableRequest request, RestCredentials credentials);

}
