package dev.exchangeintegration.rest;

import reactor.core.publisher.Mono;

/**
 * A client of one exchange's REST API, configured under
 * {@code exchange-integration.rest.NAME}: it signs requests, waits for rate-limit
 * capacity, retries idempotent requests, and turns the exchange's error responses into
 * {@link ExchangeApiException}.
 */
public interface ExchangeRestClient {

	/**
	 * Return the client name, as configured.
	 * @return the name
	 */
	String name();

	/**
	 * Execute a request lazily, on subscription.
	 * @param <R> the response type
	 * @param request the request
	 * @return the parsed response; errors with {@link ExchangeApiException} when the
	 * exchange rejects the request, {@link RestTimeoutException} when it does not answer
	 * in time, {@link RateLimitExceededException} when rate-limit capacity does not free
	 * up in time
	 */
	<R> Mono<R> execute(RestRequest<R> request);

}
