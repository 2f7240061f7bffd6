package dev.exchangeintegration.listener;

/**
 * An {@link dev.exchangeintegration.annotation.ExchangeListener} method threw.
 */
public class ListenerExecutionFailedException extends RuntimeException {

	private final String listenerId;

	private final String exchange;

	/**
	 * Create a new instance.
	 * @param listenerId the id of the listener that threw
	 * @param exchange the exchange it listens to
	 * @param cause what it threw
	 */
	public ListenerExecutionFailedException(String listenerId, String exchange, Throwable cause) {
		super("Listener " + listenerId + " of exchange '" + exchange + "' threw " + cause, cause);
		this.listenerId = listenerId;
		this.exchange = exchange;
	}

	/**
	 * Return the id of the listener that threw.
	 * @return the listener id
	 */
	public String getListenerId() {
		return this.listenerId;
	}

	/**
	 * Return the name of the exchange the listener listens to.
	 * @return the exchange name
	 */
	public String getExchange() {
		return this.exchange;
	}

}
