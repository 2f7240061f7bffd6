package dev.exchangeintegration.core;

/**
 * Why a connection was dropped by {@link DefaultExchangeStream#reconnect()}: an operator
 * asked for it. Not reported as an error.
 */
public class OperatorReconnectException extends RuntimeException {

	/**
	 * Create a new instance.
	 * @param exchange the exchange name
	 */
	public OperatorReconnectException(String exchange) {
		super("Exchange '" + exchange + "' reconnect requested", null, false, false);
	}

}
