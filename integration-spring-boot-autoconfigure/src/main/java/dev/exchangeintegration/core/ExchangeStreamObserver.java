package dev.exchangeintegration.core;

import org.jspecify.annotations.Nullable;

/**
 * Observes what happens in exchange streams. Methods are called on the thread where the
 * event happened, often a transport's I/O thread, so implementations must not block.
 */
public interface ExchangeStreamObserver {

	/**
	 * An observer that does nothing.
	 */
	ExchangeStreamObserver NONE = new ExchangeStreamObserver() {
	};

	/**
	 * Called for every error reported by a stream.
	 * @param error the error
	 */
	default void onError(ExchangeError error) {
	}

	/**
	 * Called when the connection state of a stream changes.
	 * @param exchange the exchange name
	 * @param previous the state before
	 * @param current the state now
	 * @param cause why the state changed, if because of an error
	 */
	default void onStateChange(String exchange, ConnectionState previous, ConnectionState current,
			@Nullable Throwable cause) {
	}

}
