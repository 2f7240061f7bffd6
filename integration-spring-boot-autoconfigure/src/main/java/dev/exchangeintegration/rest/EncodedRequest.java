package dev.exchangeintegration.rest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * A {@link RestRequest} encoded for the wire but not signed: the query as an ordered list
 * of parameters and the body as text. It travels with the WebClient request as an
 * attribute, so that {@link SigningFilter} signs it afresh, with a new timestamp and
 * nonce, on every attempt.
 *
 * @param baseUrl the client's base URL, without a trailing slash
 * @param method the HTTP method
 * @param path the path, without query
 * @param query the query parameters, in order, unencoded
 * @param body the encoded body, empty for none
 * @param bodyEncoding how the body is encoded
 */
record EncodedRequest(String baseUrl, HttpMethod method, String path, List<Map.Entry<String, String>> query,
		String body, BodyEncoding bodyEncoding) {

	/**
	 * The name of the request attribute that carries it.
	 */
	static final String ATTRIBUTE = EncodedRequest.class.getName();

	EncodedRequest {
		query = List.copyOf(query);
	}

	/**
	 * Return the request as a signer sees it.
	 * @param timestamp the time of signing
	 * @param nonce the nonce
	 * @return a new, mutable request
	 */
	SignableRequest toSignable(Instant timestamp, long nonce) {
		return new SignableRequest(this.method, this.path, this.query, this.body, this.bodyEncoding, timestamp, nonce);
	}

	URI uri() {
		return uri(this.path, SignableRequest.encode(this.query));
	}

	/**
	 * Return the URI of a path and an encoded query, taken as they are.
	 * @param path the path
	 * @param encodedQuery the encoded query, empty for none
	 * @return the URI
	 */
	URI uri(String path, String encodedQuery) {
		return URI.create(this.baseUrl + path + (encodedQuery.isEmpty() ? "" : "?" + encodedQuery));
	}

	static byte[] bytes(String body) {
		return body.getBytes(StandardCharsets.UTF_8);
	}

	MediaType contentType() {
		return (this.bodyEncoding == BodyEncoding.JSON) ? MediaType.APPLICATION_JSON
				: MediaType.APPLICATION_FORM_URLENCODED;
	}

}
