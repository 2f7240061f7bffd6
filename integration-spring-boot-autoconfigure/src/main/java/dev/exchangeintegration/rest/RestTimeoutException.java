package dev.exchangeintegration.rest;

import java.time.Duration;

/**
 * An exchange did not answer a request in time.
 */
public class RestTimeoutException extends RuntimeException {

	/**
	 * Create a new instance.
	 * @param client the client name
	 * @param method the HTTP method
	 * @param path the request path
	 * @param timeout the timeout that ran out
	 */
	public RestTimeoutException(String client, String method, String path, Duration timeout) {
		super("Exchange REST client '" + client + "': " + method + " " + path + " got no response within " + timeout);
	}

}
