package dev.exchangeintegration.event;

import dev.exchangeintegration.core.CloseStatus;
import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.core.ExchangeError;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;

/**
 * Published when an exchange stream reports an error: a frame that could not be parsed, a
 * transformer or listener that threw, a consumer that fell behind, a connection that was
 * lost, closed, timed out or had a subscription rejected. The stream goes on after every
 * error: it reconnects after connection errors, unless reconnection is disabled or has
 * given up.
 * <p>
 * Published off the transport's I/O thread, in the order the errors arose.
 */
public class ExchangeErrorEvent extends ApplicationEvent {

	private final transient ExchangeError error;

	/**
	 * Create a new event.
	 * @param error the error reported by the stream
	 */
	public ExchangeErrorEvent(ExchangeError error) {
		super(error.exchange());
		this.error = error;
	}

	/**
	 * Return the name of the exchange that reported the error.
	 * @return the exchange name
	 */
	public String getExchange() {
		return this.error.exchange();
	}

	/**
	 * Return where the error arose.
	 * @return the error kind
	 */
	public ErrorKind getKind() {
		return this.error.kind();
	}

	/**
	 * Return what went wrong.
	 * @return the error
	 */
	public Throwable getError() {
		return this.error.cause();
	}

	/**
	 * Return a bounded excerpt of the payload involved, if any.
	 * @return the excerpt, or {@code null}
	 */
	public @Nullable String getExcerpt() {
		return this.error.excerpt();
	}

	/**
	 * Return the close code and reason, when the exchange closed the connection.
	 * @return the close status, or {@code null}
	 */
	public @Nullable CloseStatus getCloseStatus() {
		return this.error.closeStatus();
	}

	@Override
	public String toString() {
		return "ExchangeErrorEvent[exchange=" + getExchange() + ", kind=" + getKind() + ", error=" + getError() + "]";
	}

}
