package dev.exchangeintegration.listener;

import dev.exchangeintegration.core.ExchangeStream;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;

/**
 * Finds the stream an {@code @ExchangeListener} names, with its output type, for the
 * {@link ExchangeListenerEndpointRegistry}.
 */
public interface ExchangeStreamLookup {

	/**
	 * Find the stream of an exchange.
	 * @param exchange the exchange name
	 * @return the stream with its output type, or {@code null} if no enabled exchange has
	 * that name
	 */
	@Nullable TypedStream find(String exchange);

	/**
	 * Return whether an exchange is configured but disabled: its listeners are skipped
	 * instead of failing the startup.
	 * @param exchange the exchange name
	 * @return whether the exchange is disabled
	 */
	boolean isDisabled(String exchange);

	/**
	 * A stream with its output type.
	 *
	 * @param stream the stream
	 * @param outputType the type of its outputs
	 */
	record TypedStream(ExchangeStream<?> stream, ResolvableType outputType) {

	}

}
