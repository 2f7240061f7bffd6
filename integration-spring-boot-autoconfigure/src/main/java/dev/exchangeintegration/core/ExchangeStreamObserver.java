package dev.exchangeintegration.core;

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

}
