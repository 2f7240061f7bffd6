package dev.exchangeintegration.rest;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Recognises an exchange's error responses. Built in: {@code binance}, {@code kraken},
 * {@code okx}, {@code bybit}; a bean of this type can be named instead.
 */
@FunctionalInterface
public interface ApiErrorParser {

	/**
	 * Return the error a JSON response describes, whatever its HTTP status (Kraken
	 * reports errors with HTTP 200), or {@code null} when it is not an error.
	 * @param status the HTTP status
	 * @param body the response body
	 * @return the error, or {@code null}
	 */
	@Nullable ApiError parse(int status, JsonNode body);

}
