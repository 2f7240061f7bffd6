package dev.exchangeintegration.rest;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * One rate limit of a REST client, counted in fixed windows aligned to the clock, the way
 * exchanges count (Binance's request weight per minute resets on the minute).
 *
 * @param name the name, used in errors
 * @param limit the capacity per window
 * @param period the length of a window
 * @param weighted whether a request consumes its {@link RestRequest#weight()} (true) or 1
 * (false, for example for an order count)
 * @param methods the methods it applies to; empty for all
 * @param paths the path prefixes it applies to; empty for all
 * @param usageHeader a response header carrying the exchange's own count of the window's
 * usage, such as {@code X-MBX-USED-WEIGHT-1M}, from which the limiter resynchronises; or
 * {@code null}
 */
public record RateLimitSpec(String name, long limit, Duration period, boolean weighted, Set<HttpMethod> methods,
		List<String> paths, @Nullable String usageHeader) {

	/**
	 * Validate the settings.
	 * @param name the name
	 * @param limit the capacity per window
	 * @param period the length of a window
	 * @param weighted whether requests consume their weight
	 * @param methods the methods it applies to
	 * @param paths the path prefixes it applies to
	 * @param usageHeader the usage header, or {@code null}
	 */
	public RateLimitSpec {
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be positive, was " + limit);
		}
		if (period.isNegative() || period.isZero()) {
			throw new IllegalArgumentException("period must be positive, was " + period);
		}
		methods = Set.copyOf(methods);
		paths = List.copyOf(paths);
	}

	/**
	 * Return whether this limit counts a request.
	 * @param method the request method
	 * @param path the request path
	 * @return whether it applies
	 */
	public boolean appliesTo(HttpMethod method, String path) {
		return (this.methods.isEmpty() || this.methods.contains(method))
				&& (this.paths.isEmpty() || this.paths.stream().anyMatch(path::startsWith));
	}

}
