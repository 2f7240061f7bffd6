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
 *
 * any state but STOPPED ──suspend──▶ SUSPENDED ──resume──▶ CONNECTING
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
	 * Disconnected on request ({@link DefaultExchangeStream#suspend}), for example by an
	 * operator: no connection is opened until {@link DefaultExchangeStream#resume()}; the
	 * consumers stay subscribed.
	 */
	SUSPENDED,

	/**
	 * Stopped for good: the stream was stopped, or reconnection is disabled or exhausted.
	 * The outputs have completed.
	 */
	STOPPED

}
