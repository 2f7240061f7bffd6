package dev.exchangeintegration.core;

/**
 * The exchange closed the connection.
 */
public class ConnectionClosedException extends RuntimeException {

	private final CloseStatus closeStatus;

	/**
	 * Create a new instance.
	 * @param exchange the exchange name
	 * @param closeStatus the close code and reason
	 */
	public ConnectionClosedException(String exchange, CloseStatus closeStatus) {
		super("Exchange '" + exchange + "' closed the connection with code " + closeStatus);
		this.closeStatus = closeStatus;
	}

	/**
	 * Return the close code and reason.
	 * @return the close status
	 */
	public CloseStatus getCloseStatus() {
		return this.closeStatus;
	}

}
