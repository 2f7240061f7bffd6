package dev.exchangeintegration.autoconfigure;

import java.util.List;
import java.util.function.Consumer;

import dev.exchangeintegration.core.ConnectionState;
import dev.exchangeintegration.core.ExchangeError;
import dev.exchangeintegration.core.ExchangeStreamObserver;
import dev.exchangeintegration.logging.ExchangeLogging;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The observer that exchange streams report to: calls every other
 * {@link ExchangeStreamObserver} bean, in order, so that an application's observer adds
 * to the library's logging and events instead of replacing them. One observer that throws
 * neither stops the others nor reaches the stream.
 */
public class ExchangeStreamObservers implements ExchangeStreamObserver {

	private static final Log logger = LogFactory.getLog(ExchangeStreamObservers.class);

	private final ObjectProvider<ExchangeStreamObserver> provider;

	private volatile @Nullable List<ExchangeStreamObserver> observers;

	/**
	 * Create a new instance.
	 * @param provider the observer beans, this one included
	 */
	public ExchangeStreamObservers(ObjectProvider<ExchangeStreamObserver> provider) {
		this.provider = provider;
	}

	@Override
	public void onError(ExchangeError error) {
		forEach(error.exchange(), (observer) -> observer.onError(error));
	}

	@Override
	public void onStateChange(String exchange, ConnectionState previous, ConnectionState current,
			@Nullable Throwable cause) {
		forEach(exchange, (observer) -> observer.onStateChange(exchange, previous, current, cause));
	}

	/**
	 * Return the observers called, in order.
	 * @return the observers
	 */
	public List<ExchangeStreamObserver> observers() {
		List<ExchangeStreamObserver> observers = this.observers;
		if (observers == null) {
			// resolved on first use: observers may depend on beans created after this one
			observers = this.provider.orderedStream().filter((observer) -> observer != this).toList();
			this.observers = observers;
		}
		return observers;
	}

	private void forEach(String exchange, Consumer<ExchangeStreamObserver> call) {
		for (ExchangeStreamObserver observer : observers()) {
			try {
				call.accept(observer);
			}
			catch (RuntimeException ex) {
				ExchangeLogging.warn(logger, exchange, () -> "ExchangeStreamObserver " + observer + " failed",
						ExchangeLogging.escaped(ex));
			}
		}
	}

}
