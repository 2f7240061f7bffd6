package dev.exchangeintegration.rest;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * A request about to be sent, as a {@link RequestSigner} sees it: what it signs is
 * exactly what goes on the wire. The query is kept as an ordered list of parameters and
 * encoded by {@link #encodedQuery()}; the body is already encoded text.
 */
public final class SignableRequest {

	private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private final HttpMethod method;

	private final String path;

	private final List<Map.Entry<String, String>> queryParams;

	private String body;

	private final BodyEncoding bodyEncoding;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private final Instant timestamp;

	private final long nonce;

	/**
	 * Create a new request.
	 * @param method the HTTP method
	 * @param path the path, without query
	 * @param queryParams the query parameters, in order
	 * @param body the encoded body, empty for none
	 * @param bodyEncoding how the body is encoded
	 * @param timestamp the time of signing, from the client's clock
	 * @param nonce a number that strictly increases from one request of the client to the
	 * next
	 */
	public SignableRequest(HttpMethod method, String path, List<Map.Entry<String, String>> queryParams, String body,
			BodyEncoding bodyEncoding, Instant timestamp, long nonce) {
		this.method = method;
		this.path = path;
		this.queryParams = new ArrayList<>(queryParams);
		this.body = body;
		this.bodyEncoding = bodyEncoding;
		this.timestamp = timestamp;
		this.nonce = nonce;
	}

	/**
	 * Return the HTTP method.
	 * @return the method
	 */
	public HttpMethod method() {
		return this.method;
	}

	/**
	 * Return the path, without query, as appended to the base URL.
	 * @return the path
	 */
	public String path() {
		return this.path;
	}

	/**
	 * Return the query parameters, in order.
	 * @return the parameters
	 */
	public List<Map.Entry<String, String>> queryParams() {
		return List.copyOf(this.queryParams);
	}

	/**
	 * Append a query parameter.
	 * @param name the name
	 * @param value the value, unencoded
	 */
	public void addQueryParam(String name, String value) {
		this.queryParams.add(Map.entry(name, value));
	}

	/**
	 * Return whether a query parameter of this name is present.
	 * @param name the name
	 * @return whether it is present
	 */
	public boolean hasQueryParam(String name) {
		return this.queryParams.stream().anyMatch((param) -> param.getKey().equals(name));
	}

	/**
	 * Return the value of a parameter, from the query or else from a form body.
	 * @param name the parameter name
	 * @return the decoded value, or {@code null} when the request does not carry it
	 */
	public @Nullable String param(String name) {
		for (Map.Entry<String, String> param : this.queryParams) {
			if (param.getKey().equals(name)) {
				return param.getValue();
			}
		}
		return (this.bodyEncoding == BodyEncoding.FORM) ? formField(name) : null;
	}

	/**
	 * Return the value of the first field of this name in a form body.
	 * @param name the field name
	 * @return the decoded value, or {@code null} when there is no such field
	 */
	public @Nullable String formField(String name) {
		for (String field : this.body.split("&")) {
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
	 * Put a field first in a form body.
	 * @param name the field name
	 * @param value the field value, unencoded
	 */
	public void prependFormField(String name, String value) {
		String field = encode(List.of(Map.entry(name, value)));
		this.body = this.body.isEmpty() ? field : field + "&" + this.body;
	}

	/**
	 * Return the path, then {@code ?} and the encoded query when there is one.
	 * @return the path with its query
	 */
	public String pathWithQuery() {
		String query = encodedQuery();
		return query.isEmpty() ? this.path : this.path + "?" + query;
	}

	/**
	 * Return the query string as sent, without the leading {@code ?}: names and values
	 * percent-encoded as {@code application/x-www-form-urlencoded}, in order, joined by
	 * {@code &}. Empty when there is no parameter.
	 * @return the encoded query
	 */
	public String encodedQuery() {
		return encode(this.queryParams);
	}

	/**
	 * Return the encoded body, empty when there is none.
	 * @return the body
	 */
	public String body() {
		return this.body;
	}

	/**
	 * Replace the encoded body, for example to add a nonce field.
	 * @param body the encoded body
	 */
	public void body(String body) {
		this.body = body;
	}

	/**
	 * Return how the body is encoded.
	 * @return the encoding
	 */
	public BodyEncoding bodyEncoding() {
		return this.bodyEncoding;
	}

	/**
	 * Return the headers added so far, in order.
	 * @return the headers
	 */
	public Map<String, String> headers() {
		return Map.copyOf(this.headers);
	}

	/**
	 * Set a header.
	 * @param name the name
	 * @param value the value
	 */
	public void header(String name, String value) {
		this.headers.put(name, value);
	}

	/**
	 * Return the time of signing, from the client's {@link java.time.Clock}.
	 * @return the timestamp
	 */
	public Instant timestamp() {
		return this.timestamp;
	}

	/**
	 * Return the time of signing in epoch milliseconds.
	 * @return the milliseconds, such as {@code 1499827319559}
	 */
	public String timestampMillis() {
		return Long.toString(this.timestamp.toEpochMilli());
	}

	/**
	 * Return the time of signing in ISO-8601, UTC, always with milliseconds.
	 * @return the text, such as {@code 2020-12-08T09:08:57.715Z}
	 */
	public String timestampIso() {
		return ISO_MILLIS.format(this.timestamp);
	}

	/**
	 * Return the nonce: the client's clock in milliseconds, raised where needed so that
	 * it strictly increases from one request to the next, even under concurrency.
	 * @return the nonce
	 */
	public long nonce() {
		return this.nonce;
	}

	/**
	 * Encode parameters as {@code application/x-www-form-urlencoded}, in order.
	 * @param params the parameters
	 * @return the encoded text
	 */
	public static String encode(List<Map.Entry<String, String>> params) {
		StringBuilder encoded = new StringBuilder();
		for (Map.Entry<String, String> param : params) {
			if (!encoded.isEmpty()) {
				encoded.append('&');
			}
			encoded.append(URLEncoder.encode(param.getKey(), StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
		}
		return encoded.toString();
	}

}
