package dev.exchangeintegration.core;

import java.time.Duration;

/**
 * A connection was replaced because something it waited for did not arrive in time.
 */
public class ConnectionTimeoutException extends RuntimeException {

	private final Timeout timeout;

	private final Duration after;

	/**
	 * Create a new instance.
	 * @param exchange the exchange name
	 * @param timeout what timed out
	 * @param after the configured timeout
	 */
	public ConnectionTimeoutException(String exchange, Timeout timeout, Duration after) {
		super("Exchange '" + exchange + "': " + timeout.description + " within " + after + " (" + timeout
				+ " timeout); replacing the connection");
		this.timeout = timeout;
		this.after = after;
	}

	/**
	 * Return what timed out.
	 * @return the timeout
	 */
	public Timeout getTimeout() {
		return this.timeout;
	}

	/**
	 * Return the configured timeout that elapsed.
	 * @return the timeout's duration
	 */
	public Duration getAfter() {
		return this.after;
	}

	/**
	 * What a connection waits for.
	 */
	public enum Timeout {

		/**
		 * The connection did not open.
		 */
		CONNECT("connection not open"),

		/**
		 * No data frame arrived: the feed went silent.
		 */
		STALE("no data frame"),

		/**
		 * A ping was not answered.
		 */
		PONG("ping not answered");

		private final String description;

		Timeout(String description) {
			this.description = description;
		}

	}

}
