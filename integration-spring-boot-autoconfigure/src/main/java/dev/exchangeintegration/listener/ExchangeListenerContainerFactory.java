package dev.exchangeintegration.listener;

import dev.exchangeintegration.listener.ExchangeStreamLookup.TypedStream;

/**
 * Creates the container of an {@code @ExchangeListener} endpoint.
 */
@FunctionalInterface
public interface ExchangeListenerContainerFactory {

	/**
	 * Create a container, not started, delivering the outputs of {@code stream} to
	 * {@code endpoint}.
	 * @param endpoint the listener
	 * @param stream the stream of the exchange it names, with its output type
	 * @return the container
	 * @throws IllegalStateException if the listener's method does not fit the stream's
	 * outputs, or names something that does not exist
	 */
	ExchangeListenerContainer createListenerContainer(ExchangeListenerEndpoint endpoint, TypedStream stream);

}
