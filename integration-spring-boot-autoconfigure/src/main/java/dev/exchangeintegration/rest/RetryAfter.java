package dev.exchangeintegration.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Reads the {@code Retry-After} header: delay-seconds, or an HTTP-date.
 */
final class RetryAfter {

	private RetryAfter() {
	}

	/**
	 * Return the delay a response asks for.
	 * @param headers the response headers
	 * @param clock the clock an HTTP-date is measured from
	 * @return the delay, zero for a date in the past, or {@code null} when the header is
	 * missing or unreadable
	 */
	static @Nullable Duration of(HttpHeaders headers, Clock clock) {
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null) {
			return null;
		}
		try {
			return Duration.ofSeconds(Long.parseLong(value.trim()));
		}
		catch (NumberFormatException ex) {
			try {
				ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
				Duration delay = Duration.between(clock.instant(), at.toInstant());
				return delay.isNegative() ? Duration.ZERO : delay;
			}
			catch (DateTimeParseException unparseable) {
				return null;
			}
		}
	}

}
