package dev.exchangeintegration.rest;

import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

import org.springframework.web.reactive.function.client.ClientResponse;

/**
 * Reads a successful response into a request's response type: {@code byte[]} and
 * {@code String} (UTF-8) take the raw body, anything else is bound with Jackson whatever
 * the {@code Content-Type}, since exchanges are not always exact about it. A body that
 * does not bind is an {@link ExchangeApiException} with a bounded excerpt.
 */
final class ResponseDecoder {

	private static final byte[] EMPTY = new byte[0];

	private final String client;

	private final ObjectMapper mapper;

	ResponseDecoder(String client, ObjectMapper mapper) {
		this.client = client;
		this.mapper = mapper;
	}

	<R> Mono<R> decode(ClientResponse response, Class<R> type) {
		return response.bodyToMono(byte[].class)
			.defaultIfEmpty(EMPTY)
			.map((body) -> decode(response.statusCode().value(), body, type));
	}

	private <R> R decode(int status, byte[] body, Class<R> type) {
		if (type == byte[].class) {
			return type.cast(body);
		}
		if (type == String.class) {
			return type.cast(new String(body, StandardCharsets.UTF_8));
		}
		try {
			R value = (body.length > 0) ? this.mapper.readValue(body, type) : null;
			if (value != null) {
				return value;
			}
		}
		catch (JacksonException ex) {
			// neither the error shape nor the success type: reported below
		}
		throw ApiErrorFilter.unexpected(this.client, status, body, null);
	}

}
