package dev.exchangeintegration.rest;

import java.time.Duration;

/**
 * Retries of idempotent requests (GET, HEAD, OPTIONS, PUT, DELETE) after HTTP 5xx, 429
 * and connection errors, with exponential backoff, honouring {@code Retry-After}. A POST
 * is never retried: it may have placed an order.
 *
 * @param maxAttempts retries after the first attempt; 3 by default, 0 for none
 * @param initialBackoff the delay before the first retry; 200 ms by default
 * @param maxBackoff the cap on a delay, {@code Retry-After} included: a longer
 * {@code Retry-After} fails the request rather than wait; 5 s by default
 */
public record RestRetrySpec(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

	/**
	 * The defaults.
	 */
	public static final RestRetrySpec DEFAULTS = new RestRetrySpec(3, Duration.ofMillis(200), Duration.ofSeconds(5));

	/**
	 * No retries.
	 */
	public static final RestRetrySpec NONE = new RestRetrySpec(0, Duration.ofMillis(200), Duration.ofSeconds(5));

	/**
	 * Validate the settings.
	 * @param maxAttempts the retries
	 * @param initialBackoff the first delay
	 * @param maxBackoff the cap on a delay
	 */
	public RestRetrySpec {
		if (maxAttempts < 0) {
			throw new IllegalArgumentException("maxAttempts must not be negative, was " + maxAttempts);
		}
		if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
			throw new IllegalArgumentException(
					"Backoff must be 0 < initialBackoff <= maxBackoff, was " + initialBackoff + ", " + maxBackoff);
		}
	}

}
