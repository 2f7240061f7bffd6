package dev.exchangeintegration.rest;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.http.HttpMethod;

/**
 * Retries of a REST client's idempotent requests, as {@link RestRetrySpec} describes:
 * after a 5xx, a 429 or a connection error, up to {@code maxAttempts} times, waiting the
 * response's {@code Retry-After} or else an exponential backoff. A {@code Retry-After}
 * longer than {@code maxBackoff} fails the request rather than wait. Every attempt goes
 * through the rate limits and is signed again.
 */
final class RetryAfterBackoff extends Retry {

	private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
			HttpMethod.PUT, HttpMethod.DELETE);

	private final RestRetrySpec spec;

	RetryAfterBackoff(RestRetrySpec spec) {
		this.spec = spec;
	}

	/**
	 * Return whether requests of a method are retried: only idempotent ones (GET, HEAD,
	 * OPTIONS, PUT, DELETE), never a POST, which may have placed an order.
	 * @param method the method
	 * @return whether to retry
	 */
	boolean retries(HttpMethod method) {
		return this.spec.maxAttempts() > 0 && IDEMPOTENT.contains(method);
	}

	@Override
	public Publisher<?> generateCompanion(Flux<RetrySignal> signals) {
		return signals.concatMap((signal) -> {
			Duration delay = delay(signal.failure(), signal.totalRetries());
			return (delay != null) ? Mono.delay(delay) : Mono.error(signal.failure());
		});
	}

	/**
	 * Return how long to wait before retrying, or {@code null} not to retry.
	 */
	private @Nullable Duration delay(Throwable failure, long retriesSoFar) {
		if (retriesSoFar >= this.spec.maxAttempts() || !isRetryable(failure)) {
			return null;
		}
		if (failure instanceof ExchangeApiException api && api.getRetryAfter() != null) {
			Duration retryAfter = api.getRetryAfter();
			return (retryAfter.compareTo(this.spec.maxBackoff()) <= 0) ? retryAfter : null;
		}
		double factor = Math.pow(2, retriesSoFar);
		long millis = (long) Math.min(this.spec.initialBackoff().toMillis() * factor,
				this.spec.maxBackoff().toMillis());
		return Duration.ofMillis(millis);
	}

	private static boolean isRetryable(Throwable failure) {
		if (failure instanceof ExchangeApiException api) {
			return api.getStatus() >= 500 || api.getStatus() == 429;
		}
		// WebClient reports a connection error as a WebClientRequestException around it
		return failure instanceof IOException || failure.getCause() instanceof IOException;
	}

}
