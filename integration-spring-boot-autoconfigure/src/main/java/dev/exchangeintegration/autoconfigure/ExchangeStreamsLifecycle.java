package dev.exchangeintegration.autoconfigure;

import java.time.Duration;
import java.util.List;

import dev.exchangeintegration.core.DefaultExchangeStream;
import dev.exchangeintegration.listener.ExchangeListenerEndpointRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Connects every exchange stream once the context has started, after the web server and
 * after listeners have subscribed; on shutdown closes each with code 1000, waiting a
 * bounded time.
 */
public class ExchangeStreamsLifecycle implements SmartLifecycle {

	private final ObjectProvider<DefaultExchangeStream<?, ?>> streams;

	private final Duration shutdownTimeout;

	private volatile boolean running;

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
	public void start() {
		this.streams.orderedStream().forEach(DefaultExchangeStream::start);
		this.running = true;
	}

	@Override
	public void stop() {
		List<DefaultExchangeStream<?, ?>> all = this.streams.orderedStream().toList();
		all.forEach((stream) -> stream.stop(this.shutdownTimeout));
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return ExchangeListenerEndpointRegistry.STREAMS_PHASE;
	}

}
