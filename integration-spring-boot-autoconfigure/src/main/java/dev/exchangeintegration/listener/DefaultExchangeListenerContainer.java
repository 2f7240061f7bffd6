package dev.exchangeintegration.listener;

import java.time.Duration;

import dev.exchangeintegration.core.ConsumerSpec;
import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.core.ExchangeError;
import dev.exchangeintegration.core.ExchangeStream;
import dev.exchangeintegration.core.ExchangeStreamObserver;
import dev.exchangeintegration.core.OutputContext;
import dev.exchangeintegration.core.OutputHandler;
import dev.exchangeintegration.core.OutputSubscription;
import dev.exchangeintegration.logging.ExchangeLogging;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * A container that subscribes its listener to the stream as a consumer named by the
 * listener id, and hands each output to the listener's invoker, routing what it throws to
 * the listener's error handler or, by default, to the stream's observer.
 */
final class DefaultExchangeListenerContainer implements ExchangeListenerContainer, OutputHandler<Object> {

	private static final Log logger = LogFactory.getLog(DefaultExchangeListenerContainer.class);

	private final ExchangeListenerEndpoint endpoint;

	private final ExchangeStream<Object> stream;

	private final ConsumerSpec spec;

	private final ListenerInvoker invoker;

	private final @Nullable ExchangeListenerErrorHandler errorHandler;

	private final ExchangeStreamObserver observer;

	private final Duration shutdownTimeout;

	private final Object lifecycleMonitor = new Object();

	private volatile @Nullable OutputSubscription subscription;

	private volatile boolean pauseRequested;

	private volatile long droppedBefore;

	// the thread inside the listener, so that a listener that stops its own container
	// is not waited for; written by that thread only, and compared with itself only
	private @Nullable Thread invoking;

	@SuppressWarnings("unchecked")
	DefaultExchangeListenerContainer(ExchangeListenerEndpoint endpoint, ExchangeStream<?> stream, ConsumerSpec spec,
			ListenerInvoker invoker, @Nullable ExchangeListenerErrorHandler errorHandler,
			ExchangeStreamObserver observer, Duration shutdownTimeout) {
		this.endpoint = endpoint;
		this.stream = (ExchangeStream<Object>) stream;
		this.spec = spec;
		this.invoker = invoker;
		this.errorHandler = errorHandler;
		this.observer = observer;
		this.shutdownTimeout = shutdownTimeout;
	}

	@Override
	public void onOutput(Object output, OutputContext context) {
		this.invoking = Thread.currentThread();
		try {
			this.invoker.invoke(output, context);
		}
		catch (Throwable ex) {
			handleError(output, context, ex);
		}
		finally {
			this.invoking = null;
		}
	}

	private void handleError(Object output, OutputContext context, Throwable ex) {
		ListenerExecutionFailedException failure = new ListenerExecutionFailedException(getListenerId(), getExchange(),
				ex);
		ExchangeListenerErrorHandler handler = this.errorHandler;
		if (handler != null) {
			try {
				handler.handleError(ListenerMessages.create(output, context, getListenerId()), failure);
				return;
			}
			catch (RuntimeException handlerEx) {
				handlerEx.addSuppressed(failure);
				failure = new ListenerExecutionFailedException(getListenerId(), getExchange(), handlerEx);
			}
		}
		this.observer.onError(new ExchangeError(getExchange(), ErrorKind.LISTENER, failure, null));
	}

	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.subscription != null) {
				return;
			}
			OutputSubscription started = this.stream.subscribe(this.spec, this);
			this.subscription = started;
			// pause() reads the subscription after setting the flag: one of the two sees
			// the other
			if (this.pauseRequested) {
				started.pause();
			}
		}
	}

	@Override
	public void stop() {
		stop(this.shutdownTimeout);
	}

	@Override
	public void stop(Duration timeout) {
		synchronized (this.lifecycleMonitor) {
			OutputSubscription stopping = this.subscription;
			if (stopping == null) {
				return;
			}
			this.subscription = null;
			if (this.invoking == Thread.currentThread()) {
				// stopped by its own listener, which cannot drain while it waits here
				stopping.dispose();
			}
			else if (!stopping.drainAndDispose(timeout)) {
				ExchangeLogging.warn(logger, getExchange(),
						() -> "Listener " + getListenerId() + " of exchange '" + getExchange() + "' did not drain in "
								+ timeout.toMillis() + " ms; " + stopping.buffered()
								+ " buffered output(s) not delivered",
						null);
			}
			this.droppedBefore += stopping.dropped();
		}
	}

	@Override
	public boolean isRunning() {
		return this.subscription != null;
	}

	@Override
	public void pause() {
		this.pauseRequested = true;
		OutputSubscription current = this.subscription;
		if (current != null) {
			current.pause();
		}
	}

	@Override
	public void resume() {
		this.pauseRequested = false;
		OutputSubscription current = this.subscription;
		if (current != null) {
			current.resume();
		}
	}

	@Override
	public boolean isPaused() {
		return this.pauseRequested;
	}

	@Override
	public boolean isAutoStartup() {
		return this.endpoint.autoStartup();
	}

	@Override
	public String getListenerId() {
		return this.endpoint.id();
	}

	@Override
	public String getExchange() {
		return this.endpoint.exchange();
	}

	@Override
	public long getDroppedOutputs() {
		OutputSubscription current = this.subscription;
		return this.droppedBefore + ((current != null) ? current.dropped() : 0);
	}

	@Override
	public String toString() {
		return "ExchangeListenerContainer[" + getListenerId() + " of exchange '" + getExchange() + "', "
				+ (isRunning() ? "running" : "stopped") + (isPaused() ? ", paused" : "") + "]";
	}

}
