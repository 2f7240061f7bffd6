package dev.exchangeintegration.rest;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import dev.exchangeintegration.core.Excerpts;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpMethod;

/**
 * The standard {@link ExchangeRestClient}, on Reactor Netty's {@link HttpClient}. For
 * each request it waits for rate-limit capacity, encodes the query and body, signs them,
 * sends them, resynchronises the rate limits from the response headers, and parses the
 * response: a body in the exchange's error shape becomes an {@link ExchangeApiException}
 * whatever the HTTP status; otherwise the success type is tried, and a body that is
 * neither is an {@link ExchangeApiException} with the status and a bounded excerpt.
 */
public final class DefaultExchangeRestClient implements ExchangeRestClient {

	private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
			HttpMethod.PUT, HttpMethod.DELETE);

	private final String name;

	private final HttpClient httpClient;

	private final String baseUrl;

	private final ObjectMapper mapper;

	private final Duration timeout;

	private final BodyEncoding bodyEncoding;

	private final RestCredentials credentials;

	private final @Nullable RequestSigner signer;

	private final ApiErrorParser errorParser;

	private final RestRateLimiter rateLimiter;

	private final RestRetrySpec retry;

	private final Map<String, String> defaultHeaders;

	private final Clock clock;

	private final Nonces nonces = new Nonces();

	private final RestRequestObserver observer;

	private DefaultExchangeRestClient(Builder builder) {
		this.name = builder.name;
		this.httpClient = builder.httpClient;
		String base = builder.baseUrl.toString();
		this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		this.mapper = builder.mapper;
		this.timeout = builder.timeout;
		this.bodyEncoding = builder.bodyEncoding;
		this.credentials = builder.credentials;
		this.signer = builder.signer;
		this.errorParser = builder.errorParser;
		this.rateLimiter = Objects.requireNonNull(builder.rateLimiter, "rateLimiter");
		this.retry = builder.retry;
		this.defaultHeaders = Map.copyOf(builder.defaultHeaders);
		this.clock = builder.clock;
		this.observer = builder.observer;
	}

	@Override
	public String name() {
		return this.name;
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
		Mono<R> attempt = Mono.defer(() -> this.rateLimiter.acquire(request.method(), request.path(), request.weight())
			.doOnError(RateLimitExceededException.class, (ex) -> observe(request, null, ex, System.nanoTime()))
			.then(Mono.defer(() -> send(request))));
		if (this.retry.maxAttempts() == 0 || !IDEMPOTENT.contains(request.method())) {
			return attempt;
		}
		return attempt.retryWhen(Retry.from((signals) -> signals.concatMap((signal) -> {
			Duration delay = retryDelay(signal.failure(), signal.totalRetries());
			return (delay != null) ? Mono.delay(delay) : Mono.error(signal.failure());
		})));
	}

	/**
	 * Return how long to wait before retrying, or {@code null} not to retry.
	 */
	private @Nullable Duration retryDelay(Throwable failure, long retriesSoFar) {
		if (retriesSoFar >= this.retry.maxAttempts() || !isRetryable(failure)) {
			return null;
		}
		if (failure instanceof ExchangeApiException api && api.getRetryAfter() != null) {
			Duration retryAfter = api.getRetryAfter();
			return (retryAfter.compareTo(this.retry.maxBackoff()) <= 0) ? retryAfter : null;
		}
		double factor = Math.pow(2, retriesSoFar);
		long millis = (long) Math.min(this.retry.initialBackoff().toMillis() * factor,
				this.retry.maxBackoff().toMillis());
		return Duration.ofMillis(millis);
	}

	private static boolean isRetryable(Throwable failure) {
		if (failure instanceof ExchangeApiException api) {
			return api.getStatus() >= 500 || api.getStatus() == 429;
		}
		return failure instanceof IOException || failure.getCause() instanceof IOException;
	}

	private <R> Mono<R> send(RestRequest<R> request) {
		String method = request.method().name();
		SignableRequest signable = new SignableRequest(request.method(), request.path(),
				queryParams(request.queryParams()), encodeBody(request.body()), this.bodyEncoding, this.clock.instant(),
				this.nonces.next(this.clock));
		if (this.signer != null) {
			this.signer.sign(signable, this.credentials);
		}
		String query = signable.encodedQuery();
		String uri = this.baseUrl + signable.path() + (query.isEmpty() ? "" : "?" + query);
		byte[] body = signable.body().getBytes(StandardCharsets.UTF_8);
		Duration timeout = (request.timeout() != null) ? request.timeout() : this.timeout;
		long start = System.nanoTime();
		int[] status = { 0 };
		return this.httpClient.request(io.netty.handler.codec.http.HttpMethod.valueOf(method))
			.uri(uri)
			.send((req, out) -> {
				headers(req.requestHeaders(), signable, body.length > 0);
				return (body.length > 0) ? out.send(Mono.just(Unpooled.wrappedBuffer(body))) : out;
			})
			.responseSingle((response, content) -> content.asByteArray()
				.defaultIfEmpty(new byte[0])
				.map((bytes) -> new Response(response.status().code(), response.responseHeaders(), bytes, this.clock)))
			.timeout(timeout)
			.onErrorMap(TimeoutException.class,
					(ex) -> new RestTimeoutException(this.name, method, request.path(), timeout))
			.map((response) -> {
				status[0] = response.status();
				this.rateLimiter.resync(response.headers()::get);
				return decode(request, response);
			})
			.doOnSuccess((result) -> observe(request, String.valueOf(status[0]), null, start))
			.doOnError((ex) -> observe(request, null, ex, start));
	}

	private void headers(HttpHeaders headers, SignableRequest signable, boolean hasBody) {
		this.defaultHeaders.forEach(headers::set);
		headers.set(HttpHeaderNames.ACCEPT, "application/json");
		if (hasBody) {
			headers.set(HttpHeaderNames.CONTENT_TYPE, (this.bodyEncoding == BodyEncoding.JSON) ? "application/json"
					: "application/x-www-form-urlencoded");
		}
		signable.headers().forEach(headers::set);
	}

	private <R> R decode(RestRequest<R> request, Response response) {
		Duration retryAfter = response.retryAfter();
		if (retryAfter != null && (response.status() == 429 || response.status() == 418)) {
			// the exchange asked this client to back off: hold its other requests too
			this.rateLimiter.pauseFor(retryAfter);
		}
		JsonNode tree = tree(response.body());
		if (tree != null) {
			ApiError error = this.errorParser.parse(response.status(), tree);
			if (error != null) {
				throw new ExchangeApiException(this.name, response.status(), error.code(), error.message(),
						response.retryAfter());
			}
		}
		Class<R> type = request.responseType();
		boolean success = response.status() >= 200 && response.status() < 300;
		if (type == byte[].class && success) {
			return type.cast(response.body());
		}
		if (type == String.class && success) {
			return type.cast(new String(response.body(), StandardCharsets.UTF_8));
		}
		// a status other than 2xx is never a success: with lenient binding, an error body
		// in an unknown shape would otherwise bind as an empty success
		if (tree != null && success) {
			try {
				return this.mapper.treeToValue(tree, type);
			}
			catch (JacksonException ex) {
				// neither the error shape nor the success type: reported below
			}
		}
		String text = new String(response.body(), StandardCharsets.UTF_8);
		throw new ExchangeApiException(this.name, response.status(), null,
				"unexpected response: " + Excerpts.of(text, response.body().length), response.retryAfter());
	}

	private @Nullable JsonNode tree(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			return this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private List<Map.Entry<String, String>> queryParams(Map<String, ?> params) {
		List<Map.Entry<String, String>> rendered = new ArrayList<>(params.size());
		params.forEach((name, value) -> {
			if (value != null) {
				rendered.add(Map.entry(name, render(value)));
			}
		});
		return rendered;
	}

	private String encodeBody(@Nullable Object body) {
		if (body == null) {
			return "";
		}
		if (this.bodyEncoding == BodyEncoding.JSON) {
			return (body instanceof String text) ? text : this.mapper.writeValueAsString(body);
		}
		Map<String, ?> fields = (body instanceof Map<?, ?> map) ? toStringKeys(map)
				: this.mapper.convertValue(body, LinkedHashMap.class);
		return SignableRequest.encode(queryParams(fields));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, ?> toStringKeys(Map<?, ?> map) {
		Map<String, Object> copy = new LinkedHashMap<>();
		map.forEach((key, value) -> copy.put(String.valueOf(key), value));
		return copy;
	}

	private static String render(Object value) {
		return (value instanceof BigDecimal decimal) ? decimal.toPlainString() : String.valueOf(value);
	}

	private void observe(RestRequest<?> request, @Nullable String successStatus, @Nullable Throwable error,
			long start) {
		String status;
		String outcome;
		if (successStatus != null) {
			status = successStatus;
			outcome = "SUCCESS";
		}
		else if (error instanceof ExchangeApiException api) {
			status = String.valueOf(api.getStatus());
			outcome = (api.getCode() != null) ? "API_ERROR"
					: (api.getStatus() >= 500) ? "SERVER_ERROR" : (api.getStatus() >= 400) ? "CLIENT_ERROR" : "UNKNOWN";
		}
		else if (error instanceof RestTimeoutException) {
			status = "TIMEOUT";
			outcome = "UNKNOWN";
		}
		else if (error instanceof RateLimitExceededException) {
			status = "RATE_LIMITED";
			outcome = "UNKNOWN";
		}
		else {
			status = "IO_ERROR";
			outcome = "UNKNOWN";
		}
		this.observer.onExchange(this.name, request.method().name(), request.uriTemplate(), status, outcome,
				Duration.ofNanos(System.nanoTime() - start));
	}

	/**
	 * Start building a client.
	 * @param name the client name
	 * @param httpClient the HTTP client, carrying connection pool, event loop and TLS
	 * settings
	 * @param baseUrl the base URL that request paths are appended to
	 * @param mapper the mapper bodies are encoded and responses parsed with
	 * @return a builder
	 */
	public static Builder builder(String name, HttpClient httpClient, URI baseUrl, ObjectMapper mapper) {
		return new Builder(name, httpClient, baseUrl, mapper);
	}

	private record Response(int status, HttpHeaders headers, byte[] body, Clock clock) {

		@Nullable Duration retryAfter() {
			String value = this.headers.get(HttpHeaderNames.RETRY_AFTER);
			if (value == null) {
				return null;
			}
			try {
				return Duration.ofSeconds(Long.parseLong(value.trim()));
			}
			catch (NumberFormatException ex) {
				try {
					ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
					Duration delay = Duration.between(this.clock.instant(), at.toInstant());
					return delay.isNegative() ? Duration.ZERO : delay;
				}
				catch (DateTimeParseException unparseable) {
					return null;
				}
			}
		}

	}

	/**
	 * Builds a {@link DefaultExchangeRestClient}.
	 */
	public static final class Builder {

		private final String name;

		private final HttpClient httpClient;

		private final URI baseUrl;

		private final ObjectMapper mapper;

		private Duration timeout = Duration.ofSeconds(10);

		private BodyEncoding bodyEncoding = BodyEncoding.JSON;

		private RestCredentials credentials = RestCredentials.NONE;

		private @Nullable RequestSigner signer;

		private ApiErrorParser errorParser = ApiErrorParsers.none();

		private @Nullable RestRateLimiter rateLimiter;

		private RestRetrySpec retry = RestRetrySpec.DEFAULTS;

		private Map<String, String> defaultHeaders = Map.of();

		private Clock clock = Clock.systemUTC();

		private RestRequestObserver observer = RestRequestObserver.NONE;

		private Builder(String name, HttpClient httpClient, URI baseUrl, ObjectMapper mapper) {
			this.name = name;
			this.httpClient = httpClient;
			this.baseUrl = baseUrl;
			this.mapper = mapper;
		}

		/**
		 * Set the time allowed for a request that sets none itself. 10 s by default.
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			this.timeout = timeout;
			return this;
		}

		/**
		 * Set how bodies are encoded. {@link BodyEncoding#JSON} by default.
		 * @param bodyEncoding the encoding
		 * @return this builder
		 */
		public Builder bodyEncoding(BodyEncoding bodyEncoding) {
			this.bodyEncoding = bodyEncoding;
			return this;
		}

		/**
		 * Set the credentials and the signer. None by default: requests go unsigned.
		 * @param signer the signer, or {@code null}
		 * @param credentials the credentials
		 * @return this builder
		 */
		public Builder signer(@Nullable RequestSigner signer, RestCredentials credentials) {
			this.signer = signer;
			this.credentials = credentials;
			return this;
		}

		/**
		 * Set the parser of the exchange's error responses. By default only the HTTP
		 * status tells errors apart.
		 * @param errorParser the parser
		 * @return this builder
		 */
		public Builder errorParser(ApiErrorParser errorParser) {
			this.errorParser = errorParser;
			return this;
		}

		/**
		 * Set the rate limiter. Required.
		 * @param rateLimiter the rate limiter
		 * @return this builder
		 */
		public Builder rateLimiter(RestRateLimiter rateLimiter) {
			this.rateLimiter = rateLimiter;
			return this;
		}

		/**
		 * Set the retries of idempotent requests. {@link RestRetrySpec#DEFAULTS} by
		 * default.
		 * @param retry the retry settings
		 * @return this builder
		 */
		public Builder retry(RestRetrySpec retry) {
			this.retry = retry;
			return this;
		}

		/**
		 * Set headers sent with every request. None by default.
		 * @param defaultHeaders the headers
		 * @return this builder
		 */
		public Builder defaultHeaders(Map<String, String> defaultHeaders) {
			this.defaultHeaders = defaultHeaders;
			return this;
		}

		/**
		 * Set the clock that timestamps and nonces come from. The system UTC clock by
		 * default.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Set the observer of every HTTP exchange, such as metrics. None by default.
		 * @param observer the observer
		 * @return this builder
		 */
		public Builder observer(RestRequestObserver observer) {
			this.observer = observer;
			return this;
		}

		/**
		 * Build the client.
		 * @return the client
		 */
		public DefaultExchangeRestClient build() {
			return new DefaultExchangeRestClient(this);
		}

	}

}
