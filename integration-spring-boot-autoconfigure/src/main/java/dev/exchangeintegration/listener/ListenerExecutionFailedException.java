package dev.exchangeintegration.listener;

/**
 * An {@link dev.exchangeintegration.annotation.ExchangeListener} method threw.
 */
public class ListenerExecutionFailedException extends RuntimeException {

	/**
	 * Create a new instance.
	 * @param endpoint the listener that threw
	 * @param cause what it threw
	 */
	public ListenerExecutionFailedException(ExchangeListenerEndpoint endpoint, Throwable cause) {
		super("Listener " + endpoint.id() + " of exchange '" + endpoint.exchange() + "' threw " + cause, cause);
	}

}
