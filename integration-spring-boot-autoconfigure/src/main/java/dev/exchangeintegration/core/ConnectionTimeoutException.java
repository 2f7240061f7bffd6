package dev.exchangeintegration.core;

import java.time.Duration;

/**
 * A connection was replaced because something it waited for did not arrive in time.
 */
public class ConnectionTimeoutException extends RuntimeException {

	private final Timeout timeout;

	/**
	 * Create a new instance.
	 * @param exchange the exchange name
	 * @param timeout what timed out
	 * @param after the configured timeout
	 */
	public ConnectionTimeoutException(String exchange, Timeout timeout, Duration after) {
		super("Exchange '" + exchange + "': " + timeout.description + " within " + after + " (" + timeout.property
				+ "); replacing the connection");
		this.timeout = timeout;
	}

	/**
	 * Return what timed out.
	 * @return the timeout
	 */
	public Timeout getTimeout() {
		return this.timeout;
	}

	/**
	 * What a connection waits for.
	 */
	public enum Timeout {

		/**
		 * The connection did not open.
		 */
		CONNECT("connection not open", "connect-timeout"),

		/**
		 * No data frame arrived: the feed went silent.
		 */
		STALE("no data frame", "stale-timeout"),

		/**
		 * A ping was not answered.
		 */
		PONG("ping not answered", "heartbeat.pong-timeout");

		private final String description;

		private final String property;

		Timeout(String description, String property) {
			this.description = description;
			this.property = property;
		}

	}

}
