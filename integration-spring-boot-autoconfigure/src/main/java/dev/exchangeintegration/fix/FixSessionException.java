package dev.exchangeintegration.fix;

/**
 * An error of a FIX session that does not end it, reported as an error event: a reject
 * from the exchange (Reject, BusinessMessageReject, MarketDataRequestReject), or a
 * message QuickFIX/J found invalid.
 */
public class FixSessionException extends RuntimeException {

	/**
	 * Create a new instance.
	 * @param message what happened, naming the exchange
	 */
	public FixSessionException(String message) {
		super(message);
	}

}
