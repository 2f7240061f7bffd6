package dev.exchangeintegration.core;

/**
 * The state of an exchange stream's connection.
 *
 * <pre>
 * CONNECTING ──open──▶ SUBSCRIBING ──all acks (or none expected)──▶ LIVE
 *     ▲                    │                                        │
 *     └── backoff ── RECONNECTING ◀── failure, close, stale, pong timeout
 *                          │
 *        stop, reconnection disabled or exhausted ──▶ STOPPED
 * </pre>
 */
public enum ConnectionState {

	/**
	 * Not started yet.
	 */
	NEW,

	/**
	 * Opening a connection.
	 */
	CONNECTING,

	/**
	 * Connected; subscriptions sent, acknowledgements pending.
	 */
	SUBSCRIBING,

	/**
	 * Connected and subscribed: data flows.
	 */
	LIVE,

	/**
	 * The connection was lost or replaced; waiting for the backoff before connecting
	 * again.
	 */
	RECONNECTING,

	/**
	 * Stopped for good: the stream was stopped, or reconnection is disabled or exhausted.
	 * The outputs have completed.
	 */
	STOPPED

}
