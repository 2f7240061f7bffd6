package dev.exchangeintegration.core;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The exchange rejected a subscription, or did not acknowledge it in time.
 */
public class SubscriptionException extends RuntimeException {

	private final boolean rejected;

	private SubscriptionException(String message, boolean rejected) {
		super(message);
		this.rejected = rejected;
	}

	/**
	 * Create the exception for a rejection.
	 * @param exchange the exchange name
	 * @param response an excerpt of the exchange's response
	 * @return the exception
	 */
	public static SubscriptionException rejected(String exchange, String response) {
		return new SubscriptionException("Exchange '" + exchange + "' rejected a subscription: " + response, true);
	}

	/**
	 * Create the exception for missing acknowledgements.
	 * @param exchange the exchange name
	 * @param pending how many subscriptions were not acknowledged
	 * @param first the first subscription not acknowledged, if known
	 * @param timeout the inactivity timeout
	 * @return the exception
	 */
	public static SubscriptionException notAcknowledged(String exchange, int pending, @Nullable String first,
			Duration timeout) {
		return new SubscriptionException("Exchange '" + exchange + "' did not acknowledge " + pending
				+ " subscription(s) with no frame for " + timeout + ((first != null) ? ", first: " + first : ""),
				false);
	}

	/**
	 * Return whether the exchange rejected the subscription, rather than not answering.
	 * @return whether it was rejected
	 */
	public boolean isRejected() {
		return this.rejected;
	}

}
