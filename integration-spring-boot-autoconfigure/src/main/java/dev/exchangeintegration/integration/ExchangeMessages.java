package dev.exchangeintegration.integration;

import dev.exchangeintegration.core.OutputContext;
import dev.exchangeintegration.messaging.ExchangeHeaders;

import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;

/**
 * Wraps outputs in Spring Integration messages.
 */
final class ExchangeMessages {

	private ExchangeMessages() {
	}

	/**
	 * Return a message of an output, with the transport's headers and
	 * {@link ExchangeHeaders#EXCHANGE} and {@link ExchangeHeaders#RECEIVED_AT}, and the
	 * usual generated {@code id} and {@code timestamp}.
	 * @param output the output
	 * @param context where and when it came from
	 * @return the message
	 */
	static Message<Object> create(Object output, OutputContext context) {
		return MessageBuilder.withPayload(output)
			.copyHeaders(context.headers())
			.setHeader(ExchangeHeaders.EXCHANGE, context.exchange())
			.setHeader(ExchangeHeaders.RECEIVED_AT, context.receivedAt())
			.build();
	}

}
