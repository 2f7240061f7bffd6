package dev.exchangeintegration.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import dev.exchangeintegration.core.DefaultExchangeStream;
import dev.exchangeintegration.listener.ExchangeListenerEndpointRegistry;
import dev.exchangeintegration.logging.ExchangeLogging;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Connects every exchange stream once the context has started, after the web server and
 * after listeners have subscribed; on shutdown closes each with code 1000, waiting a
 * bounded time.
 * <p>
 * While streams run, a non-daemon {@code exchange-keep-alive} thread keeps the JVM alive,
 * so that an application with no web server does not exit as soon as {@code main}
 * returns: every I/O thread is a daemon.
 */
public class ExchangeStreamsLifecycle implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ExchangeStreamsLifecycle.class);

	private final ObjectProvider<DefaultExchangeStream<?, ?>> streams;

	private final Duration shutdownTimeout;

	private volatile @Nullable CountDownLatch keepAlive;

	/**
	 * Create a new instance.
	 * @param streams the streams to start and stop
	 * @param shutdownTimeout how long to wait for each stream to close
	 */
	public ExchangeStreamsLifecycle(ObjectProvider<DefaultExchangeStream<?, ?>> streams, Duration shutdownTimeout) {
		this.streams = streams;
		this.shutdownTimeout = shutdownTimeout;
	}

	@Override
	public synchronized void start() {
		if (this.keepAlive != null) {
			return;
		}
		List<DefaultExchangeStream<?, ?>> all = this.streams.orderedStream().toList();
		all.forEach(DefaultExchangeStream::start);
		CountDownLatch stopped = new CountDownLatch(1);
		if (!all.isEmpty()) {
			Thread thread = new Thread(() -> awaitUninterruptibly(stopped), "exchange-keep-alive");
			thread.setDaemon(false);
			thread.start();
		}
		this.keepAlive = stopped;
	}

	@Override
	public synchronized void stop() {
		CountDownLatch stopped = this.keepAlive;
		if (stopped == null) {
			return;
		}
		try {
			this.streams.orderedStream().forEach(this::stop);
		}
		finally {
			this.keepAlive = null;
			stopped.countDown();
		}
	}

	private void stop(DefaultExchangeStream<?, ?> stream) {
		try {
			stream.stop(this.shutdownTimeout);
		}
		catch (RuntimeException ex) {
			// one stream failing to stop must not keep the others open
			ExchangeLogging.warn(logger, stream.name(), () -> "Exchange '" + stream.name() + "' did not stop cleanly",
					ExchangeLogging.escaped(ex));
		}
	}

	/**
	 * Return every exchange stream.
	 * @return the streams, in bean order
	 */
	public List<DefaultExchangeStream<?, ?>> streams() {
		return this.streams.orderedStream().toList();
	}

	/**
	 * Return the stream of an exchange.
	 * @param exchange the exchange name
	 * @return the stream, or {@code null} when no enabled exchange has that name
	 */
	public @Nullable DefaultExchangeStream<?, ?> find(String exchange) {
		return this.streams.orderedStream().filter((stream) -> stream.name().equals(exchange)).findFirst().orElse(null);
	}

	/**
	 * Return how long to wait for each stream to close.
	 * @return the shutdown timeout
	 */
	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	@Override
	public boolean isRunning() {
		return this.keepAlive != null;
	}

	@Override
	public int getPhase() {
		return ExchangeListenerEndpointRegistry.STREAMS_PHASE;
	}

	private static void awaitUninterruptibly(CountDownLatch latch) {
		while (true) {
			try {
				latch.await();
				return;
			}
			catch (InterruptedException ex) {
				// only stop() ends the wait
			}
		}
	}

}
