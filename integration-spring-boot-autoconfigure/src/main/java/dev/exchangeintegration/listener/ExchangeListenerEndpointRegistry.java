package dev.exchangeintegration.listener;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.exchangeintegration.listener.ExchangeStreamLookup.TypedStream;
import dev.exchangeintegration.logging.ExchangeLogging;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Owns the containers of {@link dev.exchangeintegration.annotation.ExchangeListener}
 * methods, found by listener id. Each registered listener gets a container, created by
 * the {@link ExchangeListenerContainerFactory} when this registry starts, or when the
 * listener is registered if that is later (a lazy bean, a prototype).
 * <p>
 * Starts, in phase {@link #PHASE}, before the streams connect in phase
 * {@link #STREAMS_PHASE}, so that no listener misses an output; stops after they have
 * completed, waiting at most the shutdown timeout, in all, for listeners to drain what
 * they have buffered.
 */
public class ExchangeListenerEndpointRegistry implements SmartLifecycle {

	/**
	 * Phase of this lifecycle: before {@link #STREAMS_PHASE}, after the web server.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1000;

	/**
	 * Phase in which exchange streams connect.
	 */
	public static final int STREAMS_PHASE = SmartLifecycle.DEFAULT_PHASE - 500;

	private static final Log logger = LogFactory.getLog(ExchangeListenerEndpointRegistry.class);

	private final Map<String, ExchangeListenerEndpoint> endpoints = Collections.synchronizedMap(new LinkedHashMap<>());

	// read without the registry's lock, so that a listener can look containers up while
	// the registry waits for it to drain
	private final Map<String, ExchangeListenerContainer> containers = Collections
		.synchronizedMap(new LinkedHashMap<>());

	private final ExchangeStreamLookup streams;

	private final ExchangeListenerContainerFactory containerFactory;

	private final Duration shutdownTimeout;

	private volatile boolean running;

	/**
	 * Create a new registry.
	 * @param streams finds the stream of the exchange each listener names
	 * @param containerFactory creates the container of each listener
	 * @param shutdownTimeout how long to wait, in all, for listeners to drain on
	 * {@link #stop()}
	 */
	public ExchangeListenerEndpointRegistry(ExchangeStreamLookup streams,
			ExchangeListenerContainerFactory containerFactory, Duration shutdownTimeout) {
		this.streams = streams;
		this.containerFactory = containerFactory;
		this.shutdownTimeout = shutdownTimeout;
	}

	/**
	 * Register a listener. Its container is created and, unless the listener says
	 * otherwise, started when this registry starts, or now if it is running.
	 * @param endpoint the listener
	 * @throws IllegalStateException if another listener has the same id, or if the
	 * registry is running and no container can be created for the listener
	 */
	public synchronized void register(ExchangeListenerEndpoint endpoint) {
		ExchangeListenerEndpoint existing = this.endpoints.get(endpoint.id());
		if (existing != null) {
			throw new IllegalStateException("@ExchangeListener methods " + existing.methodName() + " and "
					+ endpoint.methodName() + " both have id '" + endpoint.id()
					+ "'; give one of them another id, such as @ExchangeListener(id = \"...\")");
		}
		if (this.running) {
			ExchangeListenerContainer container = createContainer(endpoint);
			if (container != null && container.isAutoStartup()) {
				container.start();
			}
		}
		this.endpoints.put(endpoint.id(), endpoint);
	}

	/**
	 * Return the registered listeners.
	 * @return the listeners, in registration order
	 */
	public List<ExchangeListenerEndpoint> getEndpoints() {
		synchronized (this.endpoints) {
			return List.copyOf(this.endpoints.values());
		}
	}

	/**
	 * Return the container of a listener.
	 * @param id the listener's id
	 * @return the container, or {@code null} if no listener has that id, or none has been
	 * created for it yet (before this registry starts, or when its exchange is disabled)
	 */
	public @Nullable ExchangeListenerContainer getListenerContainer(String id) {
		return this.containers.get(id);
	}

	/**
	 * Return the ids of the listeners that have a container.
	 * @return the ids, in registration order
	 */
	public Set<String> getListenerContainerIds() {
		synchronized (this.containers) {
			return Collections.unmodifiableSet(new LinkedHashSet<>(this.containers.keySet()));
		}
	}

	/**
	 * Return every container.
	 * @return the containers, in registration order
	 */
	public List<ExchangeListenerContainer> getListenerContainers() {
		synchronized (this.containers) {
			return List.copyOf(this.containers.values());
		}
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		for (ExchangeListenerEndpoint endpoint : getEndpoints()) {
			if (!this.containers.containsKey(endpoint.id())) {
				createContainer(endpoint);
			}
		}
		for (ExchangeListenerContainer container : getListenerContainers()) {
			if (container.isAutoStartup()) {
				container.start();
			}
		}
		this.running = true;
	}

	private @Nullable ExchangeListenerContainer createContainer(ExchangeListenerEndpoint endpoint) {
		TypedStream stream = this.streams.find(endpoint.exchange());
		if (stream == null) {
			if (this.streams.isDisabled(endpoint.exchange())) {
				ExchangeLogging.info(logger, endpoint.exchange(), () -> "Exchange '" + endpoint.exchange()
						+ "' is disabled; not starting listener " + endpoint.id());
				return null;
			}
			throw new IllegalStateException("@ExchangeListener(\"" + endpoint.exchange() + "\") on "
					+ endpoint.methodName() + " names no exchange; configure exchange-integration.exchanges."
					+ endpoint.exchange() + ".url or fix the name");
		}
		ExchangeListenerContainer container = this.containerFactory.createListenerContainer(endpoint, stream);
		this.containers.put(endpoint.id(), container);
		return container;
	}

	@Override
	public synchronized void stop() {
		long deadline = System.nanoTime() + this.shutdownTimeout.toNanos();
		// every listener drains on its own thread meanwhile: one deadline bounds them all
		for (ExchangeListenerContainer container : getListenerContainers()) {
			try {
				container.stop(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
			}
			catch (RuntimeException ex) {
				ExchangeLogging.warn(logger, container.getExchange(),
						() -> "Listener " + container.getListenerId() + " did not stop cleanly",
						ExchangeLogging.escaped(ex));
			}
		}
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
