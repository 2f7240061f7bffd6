package dev.exchangeintegration.websocket;

import dev.exchangeintegration.core.CloseStatus;

/**
 * The WebSocket close statuses that the {@link WebSocketTransport} reports itself, as
 * opposed to those the exchange sends in its Close frame.
 */
public final class WebSocketCloseStatuses {

	/**
	 * A normal closure (1000): what the transport sends when the stream stops.
	 */
	public static final CloseStatus NORMAL = new CloseStatus(1000, "");

	/**
	 * The connection ended without a Close frame (1006): reported when the TCP connection
	 * ends without the exchange having sent one.
	 */
	public static final CloseStatus ABNORMAL = new CloseStatus(1006, "connection ended without a close frame");

	private WebSocketCloseStatuses() {
	}

}
