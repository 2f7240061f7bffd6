package dev.exchangeintegration.rest;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The standard {@link ExchangeRestClient}, on Spring WebFlux's {@link WebClient}. Each
 * attempt of a request waits for rate-limit capacity, then goes through the WebClient,
 * whose filters sign it ({@link SigningFilter}), feed the response back to the rate
 * limits ({@link RateLimitFeedbackFilter}) and turn error responses into
 * {@link ExchangeApiException}s ({@link ApiErrorFilter}); a successful body is bound to
 * the response type. Idempotent requests are retried ({@link RetryAfterBackoff}).
 * <p>
 * Since every attempt is one WebClient exchange, WebClient's observation records each one
 * as {@code http.client.requests}, with the request's {@link RestRequest#uriTemplate()
 * URI template} as its {@code uri}.
 */
public final class DefaultExchangeRestClient implements ExchangeRestClient {

	private final RestClientSpec spec;

	private final WebClient webClient;

	private final RequestEncoder encoder;

	private final ResponseDecoder decoder;

	private final RestRateLimiter rateLimiter;

	private final RetryAfterBackoff retry;

	/**
	 * Create a client.
	 * @param spec what the client is made of
	 * @param webClientBuilder a builder for this client alone, such as a clone of Spring
	 * Boot's: the client sets its base URL, default headers and filters on it, after the
	 * filters it already has
	 * @param mapper the mapper bodies are encoded and responses bound with
	 * @param clock the clock of timestamps, nonces and rate-limit windows
	 * @param limiterScheduler the scheduler requests wait for rate-limit capacity on
	 */
	public DefaultExchangeRestClient(RestClientSpec spec, WebClient.Builder webClientBuilder, ObjectMapper mapper,
			Clock clock, Scheduler limiterScheduler) {
		this.spec = spec;
		this.encoder = new RequestEncoder(spec.baseUrl().toString(), mapper, spec.bodyEncoding());
		this.decoder = new ResponseDecoder(spec.name(), mapper);
		this.rateLimiter = new RestRateLimiter(spec.name(), spec.rateLimits(), spec.rateLimitMaxWait(), clock,
				limiterScheduler);
		this.retry = new RetryAfterBackoff(spec.retry());
		RequestSigner signer = spec.signer();
		this.webClient = webClientBuilder.baseUrl(spec.baseUrl().toString())
			.defaultHeaders((headers) -> spec.defaultHeaders().forEach(headers::set))
			.filters((filters) -> {
				filters.add(new ApiErrorFilter(spec.name(), spec.errorParser(), mapper, clock));
				filters.add(new RateLimitFeedbackFilter(this.rateLimiter, clock));
				if (signer != null) {
					filters.add(new SigningFilter(signer, spec.credentials(), clock));
				}
			})
			.build();
	}

	@Override
	public String name() {
		return this.spec.name();
	}

	/**
	 * Return the rate limiter of this client.
	 * @return the rate limiter
	 */
	public RestRateLimiter rateLimiter() {
		return this.rateLimiter;
	}

	@Override
	public <R> Mono<R> execute(RestRequest<R> request) {
		Mono<R> attempt = this.rateLimiter.acquire(request.method(), request.path(), request.weight())
			.then(Mono.defer(() -> exchange(request)));
		return this.retry.retries(request.method()) ? attempt.retryWhen(this.retry) : attempt;
	}

	private <R> Mono<R> exchange(RestRequest<R> request) {
		EncodedRequest encoded = this.encoder.encode(request);
		Duration timeout = (request.timeout() != null) ? request.timeout() : this.spec.timeout();
		WebClient.RequestBodySpec spec = this.webClient.method(request.method())
			.uri(request.uriTemplate(), (template) -> encoded.uri())
			.attribute(EncodedRequest.ATTRIBUTE, encoded)
			.accept(MediaType.APPLICATION_JSON);
		if (!encoded.body().isEmpty()) {
			spec.contentType(encoded.contentType()).bodyValue(EncodedRequest.bytes(encoded.body()));
		}
		return spec.exchangeToMono((response) -> this.decoder.decode(response, request.responseType()))
			.timeout(timeout)
			.onErrorMap(TimeoutException.class,
					(ex) -> new RestTimeoutException(name(), request.method().name(), request.path(), timeout));
	}

	@Override
	public String toString() {
		return "DefaultExchangeRestClient[name=" + this.spec.name() + ", baseUrl=" + this.spec.baseUrl() + "]";
	}

}
