package dev.exchangeintegration.rest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

/**
 * Encodes a {@link RestRequest} for the wire: query parameters in iteration order, values
 * rendered with {@code toString()} ({@code BigDecimal} as plain text) and {@code null}
 * values left out; the body as JSON (a {@code String} is sent as it is) or as a form, in
 * the order of its fields.
 */
final class RequestEncoder {

	private final String baseUrl;

	private final ObjectMapper mapper;

	private final BodyEncoding bodyEncoding;

	RequestEncoder(String baseUrl, ObjectMapper mapper, BodyEncoding bodyEncoding) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.mapper = mapper;
		this.bodyEncoding = bodyEncoding;
	}

	EncodedRequest encode(RestRequest<?> request) {
		return new EncodedRequest(this.baseUrl, request.method(), request.path(), params(request.queryParams()),
				body(request.body()), this.bodyEncoding);
	}

	private String body(@Nullable Object body) {
		if (body == null) {
			return "";
		}
		if (this.bodyEncoding == BodyEncoding.JSON) {
			return (body instanceof String text) ? text : this.mapper.writeValueAsString(body);
		}
		Map<String, ?> fields = (body instanceof Map<?, ?> map) ? stringKeys(map)
				: this.mapper.convertValue(body, LinkedHashMap.class);
		return SignableRequest.encode(params(fields));
	}

	private static List<Map.Entry<String, String>> params(Map<String, ?> params) {
		List<Map.Entry<String, String>> rendered = new ArrayList<>(params.size());
		params.forEach((name, value) -> {
			if (value != null) {
				rendered.add(Map.entry(name, render(value)));
			}
		});
		return rendered;
	}

	private static Map<String, ?> stringKeys(Map<?, ?> map) {
		Map<String, Object> copy = new LinkedHashMap<>();
		map.forEach((key, value) -> copy.put(String.valueOf(key), value));
		return copy;
	}

	private static String render(Object value) {
		return (value instanceof BigDecimal decimal) ? decimal.toPlainString() : String.valueOf(value);
	}

}
