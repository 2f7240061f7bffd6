package dev.exchangeintegration.event;

import dev.exchangeintegration.core.ConnectionState;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;

/**
 * Published when the connection state of an exchange stream changes, for example from
 * {@code LIVE} to {@code RECONNECTING} when the connection is lost.
 * <p>
 * Published off the transport's I/O thread, in the order the changes happened.
 */
public class ExchangeStateEvent extends ApplicationEvent {

	private final ConnectionState previous;

	private final ConnectionState current;

	private final transient @Nullable Throwable cause;

	/**
	 * Create a new event.
	 * @param exchange the exchange name
	 * @param previous the state before
	 * @param current the state now
	 * @param cause why the state changed, if because of an error
	 */
	public ExchangeStateEvent(String exchange, ConnectionState previous, ConnectionState current,
			@Nullable Throwable cause) {
		super(exchange);
		this.previous = previous;
		this.current = current;
		this.cause = cause;
	}

	/**
	 * Return the name of the exchange.
	 * @return the exchange name
	 */
	public String getExchange() {
		return (String) getSource();
	}

	/**
	 * Return the state before the change.
	 * @return the previous state
	 */
	public ConnectionState getPrevious() {
		return this.previous;
	}

	/**
	 * Return the state after the change.
	 * @return the current state
	 */
	public ConnectionState getCurrent() {
		return this.current;
	}

	/**
	 * Return why the state changed, when an error caused it, such as the close status of
	 * a lost connection.
	 * @return the cause, or {@code null}
	 */
	public @Nullable Throwable getCause() {
		return this.cause;
	}

	@Override
	public String toString() {
		return "ExchangeStateEvent[exchange=" + getExchange() + ", " + this.previous + " -> " + this.current
				+ ((this.cause != null) ? ", cause=" + this.cause : "") + "]";
	}

}
