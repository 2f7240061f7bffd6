package dev.exchangeintegration.listener;

import java.util.HashMap;
import java.util.Map;

import dev.exchangeintegration.core.OutputContext;
import dev.exchangeintegration.messaging.ExchangeHeaders;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.GenericMessage;

/**
 * Wraps outputs in messages for listener methods and error handlers.
 */
final class ListenerMessages {

	private ListenerMessages() {
	}

	/**
	 * Return a message of an output, with the transport's headers and those of
	 * {@link ExchangeHeaders}. It has no {@link MessageHeaders#ID} nor
	 * {@link MessageHeaders#TIMESTAMP}: {@link ExchangeHeaders#RECEIVED_AT} says when the
	 * output arrived.
	 * @param output the output
	 * @param context where and when it came from
	 * @param listenerId the id of the listener it is for
	 * @return the message
	 */
	static Message<Object> create(Object output, OutputContext context, String listenerId) {
		Map<String, Object> transport = context.headers();
		Map<String, Object> headers = new HashMap<>(transport.size() + 4);
		headers.putAll(transport);
		headers.put(ExchangeHeaders.EXCHANGE, context.exchange());
		headers.put(ExchangeHeaders.RECEIVED_AT, context.receivedAt());
		headers.put(ExchangeHeaders.LISTENER_ID, listenerId);
		return new GenericMessage<>(output, new OutputHeaders(headers));
	}

	/**
	 * Headers without a generated id and timestamp: generating a random UUID per output
	 * would cost more than the rest of the message.
	 */
	private static final class OutputHeaders extends MessageHeaders {

		OutputHeaders(Map<String, Object> headers) {
			super(headers, ID_VALUE_NONE, -1L);
		}

	}

}
