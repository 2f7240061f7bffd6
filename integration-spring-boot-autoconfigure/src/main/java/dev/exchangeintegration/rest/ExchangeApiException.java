package dev.exchangeintegration.rest;

import java.time.Duration;

import dev.exchangeintegration.core.Excerpts;
import org.jspecify.annotations.Nullable;

/**
 * The exchange rejected a request: an error response in the exchange's own shape, or a
 * response that could not be parsed at all.
 */
public class ExchangeApiException extends RuntimeException {

	private final String client;

	private final int status;

	private final @Nullable String code;

	private final String exchangeMessage;

	private final @Nullable Duration retryAfter;

	/**
	 * Create a new instance.
	 * @param client the client name
	 * @param status the HTTP status
	 * @param code the exchange's error code, or {@code null}
	 * @param exchangeMessage the exchange's message, or an excerpt of the body when it is
	 * not in a known error shape
	 */
	public ExchangeApiException(String client, int status, @Nullable String code, String exchangeMessage) {
		this(client, status, code, exchangeMessage, null);
	}

	/**
	 * Create a new instance.
	 * @param client the client name
	 * @param status the HTTP status
	 * @param code the exchange's error code, or {@code null}
	 * @param exchangeMessage the exchange's message, or an excerpt of the body when it is
	 * not in a known error shape
	 * @param retryAfter the delay the exchange asked for in {@code Retry-After}, or
	 * {@code null}
	 */
	public ExchangeApiException(String client, int status, @Nullable String code, String exchangeMessage,
			@Nullable Duration retryAfter) {
		super("Exchange REST client '" + client + "' got HTTP " + status
				+ ((code != null) ? ", error " + Excerpts.escape(code) : "") + ": " + Excerpts.escape(exchangeMessage));
		this.client = client;
		this.status = status;
		this.code = code;
		this.exchangeMessage = exchangeMessage;
		this.retryAfter = retryAfter;
	}

	/**
	 * Return the delay the exchange asked for in a {@code Retry-After} header.
	 * @return the delay, or {@code null}
	 */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

	/**
	 * Return the name of the client.
	 * @return the client name
	 */
	public String getClient() {
		return this.client;
	}

	/**
	 * Return the HTTP status.
	 * @return the status
	 */
	public int getStatus() {
		return this.status;
	}

	/**
	 * Return the exchange's own error code, such as {@code -1121} or {@code 51000}.
	 * @return the code, or {@code null} when the exchange gave none
	 */
	public @Nullable String getCode() {
		return this.code;
	}

	/**
	 * Return the exchange's message, or a bounded excerpt of the body when it was not in
	 * a known error shape.
	 * @return the message
	 */
	public String getExchangeMessage() {
		return this.exchangeMessage;
	}

}
