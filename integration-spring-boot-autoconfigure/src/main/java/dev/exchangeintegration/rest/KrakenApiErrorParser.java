package dev.exchangeintegration.rest;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@link ApiErrorParser} for Kraken's spot REST API, whose responses, successful or not,
 * are envelopes with an {@code error} array, usually with HTTP 200: <pre class="code">
 * {"error":["EOrder:Insufficient funds"],"result":{}}
 * </pre> Each entry reads {@code <severity><category>:<message>}, the severity being
 * {@code E} for an error or {@code W} for a warning. A response is an error when at least
 * one entry is an error; warnings alone are not. The code is the first error up to its
 * first colon ({@code EOrder}) and the message the rest ({@code Insufficient funds});
 * further errors are appended whole, separated by {@code "; "}. An error without a colon
 * has no code.
 */
final class KrakenApiErrorParser implements ApiErrorParser {

	private static final String SEPARATOR = "; ";

	@Override
	public @Nullable ApiError parse(int status, JsonNode body) {
		if (!body.isObject()) {
			return null;
		}
		JsonNode error = body.get("error");
		if (error == null || !error.isArray()) {
			return null;
		}
		List<String> errors = new ArrayList<>();
		for (JsonNode entry : error) {
			if (entry.isString() && entry.stringValue().startsWith("E")) {
				errors.add(entry.stringValue());
			}
		}
		if (errors.isEmpty()) {
			return null;
		}
		String first = errors.get(0);
		int colon = first.indexOf(':');
		String code = (colon != -1) ? first.substring(0, colon) : null;
		StringBuilder message = new StringBuilder((colon != -1) ? first.substring(colon + 1) : first);
		for (String other : errors.subList(1, errors.size())) {
			message.append(SEPARATOR).append(other);
		}
		return new ApiError(code, message.toString());
	}

}
