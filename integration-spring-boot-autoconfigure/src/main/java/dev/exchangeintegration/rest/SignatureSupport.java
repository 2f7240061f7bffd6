package dev.exchangeintegration.rest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Helpers shared by the built-in {@link RequestSigner signers}: HMAC, SHA-256, secret
 * decoding, timestamp formats and parameter lookup. No secret ever appears in the message
 * of an exception thrown from here.
 */
final class SignatureSupport {

	private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private SignatureSupport() {
	}

	/**
	 * Compute an HMAC.
	 * @param algorithm the JCA name of the algorithm, such as {@code HmacSHA256}
	 * @param key the key bytes
	 * @param message the message
	 * @return the MAC
	 */
	static byte[] hmac(String algorithm, byte[] key, byte[] message) {
		if (key.length == 0) {
			throw new IllegalStateException("The secret must not be empty");
		}
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(key, algorithm));
			return mac.doFinal(message);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Unable to compute " + algorithm, ex);
		}
	}

	/**
	 * Compute a SHA-256 digest.
	 * @param message the message
	 * @return the digest
	 */
	static byte[] sha256(byte[] message) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(message);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Unable to compute SHA-256", ex);
		}
	}

	/**
	 * Return the UTF-8 bytes of a text.
	 * @param text the text
	 * @return its bytes
	 */
	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Decode a Base64 secret. A failure does not show the secret, nor the offending
	 * character.
	 * @param secret the secret
	 * @return the key bytes
	 */
	static byte[] decodeBase64(String secret) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(secret);
		}
		catch (IllegalArgumentException ex) {
			// The cause is dropped: its message quotes a character of the secret
			throw new IllegalStateException("The secret is not valid Base64");
		}
		if (key.length == 0) {
			throw new IllegalStateException("The secret must not decode to an empty key");
		}
		return key;
	}

	/**
	 * Format a timestamp as epoch milliseconds.
	 * @param timestamp the timestamp
	 * @return the milliseconds, such as {@code 1499827319559}
	 */
	static String epochMillis(Instant timestamp) {
		return Long.toString(timestamp.toEpochMilli());
	}

	/**
	 * Format a timestamp as ISO-8601 in UTC, always with milliseconds.
	 * @param timestamp the timestamp
	 * @return the text, such as {@code 2020-12-08T09:08:57.715Z}
	 */
	static String isoMillis(Instant timestamp) {
		return ISO_MILLIS.format(timestamp);
	}

	/**
	 * Return the value of the first field of this name in a form-encoded body.
	 * @param body the encoded body
	 * @param name the field name
	 * @return the decoded value, or {@code null} when there is no such field
	 */
	static @Nullable String formValue(String body, String name) {
		if (body.isEmpty()) {
			return null;
		}
		for (String field : body.split("&")) {
			if (field.isEmpty()) {
				continue;
			}
			int equals = field.indexOf('=');
			String fieldName = (equals != -1) ? field.substring(0, equals) : field;
			if (URLDecoder.decode(fieldName, StandardCharsets.UTF_8).equals(name)) {
				return (equals != -1) ? URLDecoder.decode(field.substring(equals + 1), StandardCharsets.UTF_8) : "";
			}
		}
		return null;
	}

	/**
	 * Return the value of a parameter, from the query or else from a form body.
	 * @param request the request
	 * @param name the parameter name
	 * @return the value, or {@code null} when the request does not carry the parameter
	 */
	static @Nullable String paramValue(SignableRequest request, String name) {
		for (Map.Entry<String, String> param : request.queryParams()) {
			if (param.getKey().equals(name)) {
				return param.getValue();
			}
		}
		return (request.bodyEncoding() == BodyEncoding.FORM) ? formValue(request.body(), name) : null;
	}

	/**
	 * Put a field first in a form-encoded body.
	 * @param request the request
	 * @param name the field name
	 * @param value the field value, unencoded
	 */
	static void prependFormField(SignableRequest request, String name, String value) {
		String field = SignableRequest.encode(List.of(Map.entry(name, value)));
		String body = request.body();
		request.body(body.isEmpty() ? field : field + "&" + body);
	}

	/**
	 * Return the path, then {@code ?} and the encoded query when there is one.
	 * @param request the request
	 * @return the path with its query
	 */
	static String pathWithQuery(SignableRequest request) {
		String query = request.encodedQuery();
		return (query.isEmpty()) ? request.path() : request.path() + "?" + query;
	}

	/**
	 * Concatenate byte arrays.
	 * @param first the first array
	 * @param second the second array
	 * @return the concatenation
	 */
	static byte[] concat(byte[] first, byte[] second) {
		byte[] result = new byte[first.length + second.length];
		System.arraycopy(first, 0, result, 0, first.length);
		System.arraycopy(second, 0, result, first.length, second.length);
		return result;
	}

}
