package dev.exchangeintegration.listener;

import java.time.Instant;
import java.util.Map;

import dev.exchangeintegration.core.OutputContext;
import dev.exchangeintegration.messaging.ExchangeHeaders;
import org.junit.jupiter.api.Test;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ListenerMessages}.
 */
class ListenerMessagesTests {

	private static final Instant RECEIVED_AT = Instant.parse("2026-01-02T03:04:05.123456789Z");

	@Test
	void messageCarriesTheTransportHeadersAndThoseOfTheExchangeWhichWin() {
		OutputContext context = context(
				Map.of("exchange_kafkaOffset", 42L, ExchangeHeaders.EXCHANGE, "spoofed", "other", "x"));
		Message<Object> message = ListenerMessages.create("output", context, "listener.on");
		assertThat(message.getPayload()).isEqualTo("output");
		assertThat(message.getHeaders()).containsOnly(Map.entry("exchange_kafkaOffset", 42L), Map.entry("other", "x"),
				Map.entry(ExchangeHeaders.EXCHANGE, "feed"), Map.entry(ExchangeHeaders.RECEIVED_AT, RECEIVED_AT),
				Map.entry(ExchangeHeaders.LISTENER_ID, "listener.on"));
	}

	@Test
	void messageHasNoGeneratedIdNorTimestamp() {
		Message<Object> message = ListenerMessages.create("output", context(Map.of()), "listener.on");
		assertThat(message.getHeaders().getId()).isNull();
		assertThat(message.getHeaders().getTimestamp()).isNull();
		assertThat(message.getHeaders()).doesNotContainKeys(MessageHeaders.ID, MessageHeaders.TIMESTAMP);
	}

	private static OutputContext context(Map<String, Object> headers) {
		return new OutputContext() {

			@Override
			public String exchange() {
				return "feed";
			}

			@Override
			public Instant receivedAt() {
				return RECEIVED_AT;
			}

			@Override
			public Map<String, Object> headers() {
				return headers;
			}

		};
	}

}
