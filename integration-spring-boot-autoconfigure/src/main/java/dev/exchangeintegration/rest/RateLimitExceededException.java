package dev.exchangeintegration.rest;

import java.time.Duration;

/**
 * A request could not get rate-limit capacity within the client's maximum wait, so it was
 * not sent.
 */
public class RateLimitExceededException extends RuntimeException {

	private final String limit;

	/**
	 * Create a new instance.
	 * @param client the client name
	 * @param limit the name of the limit that had no capacity
	 * @param weight the weight the request needed
	 * @param maxWait the maximum wait
	 */
	public RateLimitExceededException(String client, String limit, long weight, Duration maxWait) {
		super("Exchange REST client '" + client + "': rate limit '" + limit + "' has no capacity for weight " + weight
				+ " within " + maxWait + "; the request was not sent");
		this.limit = limit;
	}

	/**
	 * Return the name of the limit that had no capacity.
	 * @return the limit name
	 */
	public String getLimit() {
		return this.limit;
	}

}
