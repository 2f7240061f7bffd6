package dev.exchangeintegration.rest;

import java.time.Clock;
import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Feeds every response back to a client's {@link RestRateLimiter}: the usage headers
 * resynchronise its limits, and a 429 or 418 with {@code Retry-After} holds the client's
 * other requests until then, so that they do not earn an IP ban.
 */
final class RateLimitFeedbackFilter implements ExchangeFilterFunction {

	private final RestRateLimiter rateLimiter;

	private final Clock clock;

	RateLimitFeedbackFilter(RestRateLimiter rateLimiter, Clock clock) {
		this.rateLimiter = rateLimiter;
		this.clock = clock;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return next.exchange(request).doOnNext(this::feedBack);
	}

	private void feedBack(ClientResponse response) {
		HttpHeaders headers = response.headers().asHttpHeaders();
		this.rateLimiter.resync(headers::getFirst);
		int status = response.statusCode().value();
		if (status == 429 || status == 418) {
			Duration retryAfter = RetryAfter.of(headers, this.clock);
			if (retryAfter != null) {
				this.rateLimiter.pauseFor(retryAfter);
			}
		}
	}

}
