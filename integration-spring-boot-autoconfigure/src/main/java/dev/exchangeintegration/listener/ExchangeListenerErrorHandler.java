package dev.exchangeintegration.listener;

import org.springframework.messaging.Message;

/**
 * Handles the exceptions thrown by an {@code @ExchangeListener} method, named by its
 * {@code errorHandler} attribute. Called on the listener's thread, before the next output
 * is delivered. An exception thrown here is reported as an error of the exchange, as if
 * the listener had no error handler.
 */
@FunctionalInterface
public interface ExchangeListenerErrorHandler {

	/**
	 * Handle an exception thrown by a listener.
	 * @param message the output the listener failed on, with the headers named by
	 * {@link dev.exchangeintegration.messaging.ExchangeHeaders}
	 * @param exception the exception, naming the listener and the exchange, whose cause
	 * is what the listener threw
	 */
	void handleError(Message<?> message, ListenerExecutionFailedException exception);

}
