package dev.exchangeintegration.core;

import org.jspecify.annotations.Nullable;

/**
 * Counts errors and state changes into a stream's {@link StreamStatistics}, then hands
 * them to the stream's observer.
 */
final class CountingObserver implements ExchangeStreamObserver {

	private final StreamStatistics statistics;

	private final ExchangeStreamObserver delegate;

	CountingObserver(StreamStatistics statistics, ExchangeStreamObserver delegate) {
		this.statistics = statistics;
		this.delegate = delegate;
	}

	@Override
	public void onError(ExchangeError error) {
		this.statistics.error(error);
		this.delegate.onError(error);
	}

	@Override
	public void onStateChange(String exchange, ConnectionState previous, ConnectionState current,
			@Nullable Throwable cause) {
		this.statistics.stateChanged(previous, current, cause);
		this.delegate.onStateChange(exchange, previous, current, cause);
	}

}
