package dev.exchangeintegration.rest;

import java.time.Duration;

/**
 * Observes every HTTP exchange of the REST clients, retries included; the metrics of the
 * REST clients implement it.
 */
@FunctionalInterface
public interface RestRequestObserver {

	/**
	 * An observer that does nothing.
	 */
	RestRequestObserver NONE = (client, method, uri, status, outcome, duration) -> {
	};

	/**
	 * Called once per HTTP exchange.
	 * @param client the client name
	 * @param method the HTTP method
	 * @param uri the request path, never its query
	 * @param status the HTTP status, or {@code IO_ERROR}, {@code TIMEOUT} or
	 * {@code RATE_LIMITED} when there was none
	 * @param outcome {@code SUCCESS}, {@code API_ERROR} (the exchange rejected it),
	 * {@code CLIENT_ERROR}, {@code SERVER_ERROR} or {@code UNKNOWN}
	 * @param duration the time taken
	 */
	void onExchange(String client, String method, String uri, String status, String outcome, Duration duration);

}
