package dev.exchangeintegration.core;

import org.jspecify.annotations.Nullable;

/**
 * An error reported by an exchange stream. Errors are values: reporting one never ends
 * the stream.
 *
 * @param exchange the exchange name
 * @param kind where the error arose
 * @param cause what went wrong
 * @param excerpt a bounded excerpt of the payload involved, if any
 * @param closeStatus the close status, for {@link ErrorKind#CLOSED} errors
 */
public record ExchangeError(String exchange, ErrorKind kind, Throwable cause, @Nullable String excerpt,
		@Nullable CloseStatus closeStatus) {

	/**
	 * Create an error with no close status.
	 * @param exchange the exchange name
	 * @param kind where the error arose
	 * @param cause what went wrong
	 * @param excerpt a bounded excerpt of the payload involved, if any
	 */
	public ExchangeError(String exchange, ErrorKind kind, Throwable cause, @Nullable String excerpt) {
		this(exchange, kind, cause, excerpt, null);
	}

}
