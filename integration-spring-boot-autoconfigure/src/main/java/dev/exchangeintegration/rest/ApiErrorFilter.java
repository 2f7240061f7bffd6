package dev.exchangeintegration.rest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import dev.exchangeintegration.core.Excerpts;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Turns a REST client's error responses into {@link ExchangeApiException}s: a body in the
 * exchange's error shape, whatever the HTTP status (Kraken reports errors with 200), and
 * any other response that is not 2xx, with a bounded excerpt of its body. Successful
 * responses go on with their body buffered. Since it is a filter, WebClient's observation
 * records the exception.
 */
final class ApiErrorFilter implements ExchangeFilterFunction {

	private static final byte[] EMPTY = new byte[0];

	private final String client;

	private final ApiErrorParser parser;

	private final ObjectMapper mapper;

	private final Clock clock;

	ApiErrorFilter(String client, ApiErrorParser parser, ObjectMapper mapper, Clock clock) {
		this.client = client;
		this.parser = parser;
		this.mapper = mapper;
		this.clock = clock;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return next.exchange(request)
			.flatMap((response) -> response.bodyToMono(byte[].class)
				.defaultIfEmpty(EMPTY)
				.flatMap((body) -> check(response, body)));
	}

	private Mono<ClientResponse> check(ClientResponse response, byte[] body) {
		int status = response.statusCode().value();
		Duration retryAfter = RetryAfter.of(response.headers().asHttpHeaders(), this.clock);
		ApiError error = parse(status, body);
		if (error != null) {
			return Mono.error(new ExchangeApiException(this.client, status, error.code(), error.message(), retryAfter));
		}
		if (!response.statusCode().is2xxSuccessful()) {
			return Mono.error(unexpected(this.client, status, body, retryAfter));
		}
		// the body was read once here: the response carries it on, readable again
		return Mono.just(response.mutate()
			.body((consumed) -> Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body))))
			.build());
	}

	private @Nullable ApiError parse(int status, byte[] body) {
		if (body.length == 0 || this.parser == ApiErrorParsers.none()) {
			return null;
		}
		JsonNode tree;
		try {
			tree = this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
		return this.parser.parse(status, tree);
	}

	/**
	 * Return the exception for a response that is neither in the exchange's error shape
	 * nor a success of the expected type.
	 * @param client the client name
	 * @param status the HTTP status
	 * @param body the body
	 * @param retryAfter the delay the response asked for, or {@code null}
	 * @return the exception, with a bounded excerpt of the body
	 */
	static ExchangeApiException unexpected(String client, int status, byte[] body, @Nullable Duration retryAfter) {
		String text = new String(body, StandardCharsets.UTF_8);
		return new ExchangeApiException(client, status, null, "unexpected response: " + Excerpts.of(text, body.length),
				retryAfter);
	}

}
