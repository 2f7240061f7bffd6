package dev.exchangeintegration.core;

/**
 * The code and reason with which a connection closed, as in a WebSocket Close frame.
 *
 * @param code the close code, for example 1000 for a normal closure
 * @param reason the reason text, possibly empty
 */
public record CloseStatus(int code, String reason) {

	/**
	 * A normal closure (1000).
	 */
	public static final CloseStatus NORMAL = new CloseStatus(1000, "");

	/**
	 * The connection ended without a Close frame (1006).
	 */
	public static final CloseStatus ABNORMAL = new CloseStatus(1006, "connection ended without a close frame");

	@Override
	public String toString() {
		return this.reason.isEmpty() ? String.valueOf(this.code) : this.code + " (" + this.reason + ")";
	}

}
