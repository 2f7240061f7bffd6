package dev.exchangeintegration.listener;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import dev.exchangeintegration.core.ConsumerOverflowException;
import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.core.ExchangeError;
import dev.exchangeintegration.core.ExchangeStream;
import dev.exchangeintegration.core.ExchangeStreamObserver;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Owns the subscriptions of {@link dev.exchangeintegration.annotation.ExchangeListener}
 * methods to their exchange streams. Each listener gets a thread of its own, so it
 * receives outputs in order and a slow listener delays no other one.
 * <p>
 * Starts before the streams connect and stops after they have completed, waiting a
 * bounded time for each listener to drain what it has buffered.
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

	private final List<ExchangeListenerEndpoint> endpoints = new CopyOnWriteArrayList<>();

	private final List<Subscription> subscriptions = new ArrayList<>();

	private final Function<String, @Nullable StreamLookup> streams;

	private final Set<String> disabledExchanges;

	private final ExchangeStreamObserver observer;

	private final Duration shutdownTimeout;

	private volatile boolean running;

	/**
	 * Create a new registry.
	 * @param streams finds the stream of an exchange name, with its output type
	 * @param disabledExchanges names of exchanges configured but disabled, whose
	 * listeners are skipped
	 * @param observer receives the errors thrown by listeners
	 * @param shutdownTimeout how long to wait for each listener to drain on stop
	 */
	public ExchangeListenerEndpointRegistry(Function<String, @Nullable StreamLookup> streams,
			Set<String> disabledExchanges, ExchangeStreamObserver observer, Duration shutdownTimeout) {
		this.streams = streams;
		this.disabledExchanges = disabledExchanges;
		this.observer = observer;
		this.shutdownTimeout = shutdownTimeout;
	}

	/**
	 * Register a listener endpoint; it is subscribed on {@link #start()}.
	 * @param endpoint the endpoint
	 */
	public void register(ExchangeListenerEndpoint endpoint) {
		this.endpoints.add(endpoint);
	}

	/**
	 * Return the registered endpoints.
	 * @return the endpoints
	 */
	public List<ExchangeListenerEndpoint> getEndpoints() {
		return List.copyOf(this.endpoints);
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		for (ExchangeListenerEndpoint endpoint : this.endpoints) {
			StreamLookup lookup = this.streams.apply(endpoint.exchange());
			if (lookup == null) {
				if (this.disabledExchanges.contains(endpoint.exchange())) {
					logger.info("Exchange '" + endpoint.exchange() + "' is disabled; not starting listener "
							+ endpoint.id());
					continue;
				}
				throw new IllegalStateException("@ExchangeListener(\"" + endpoint.exchange() + "\") on "
						+ endpoint.method().getDeclaringClass().getName() + "." + endpoint.method().getName()
						+ " names no exchange; configure exchange-integration.exchanges." + endpoint.exchange()
						+ ".url or fix the name");
			}
			checkParameterType(endpoint, lookup.outputType());
			this.subscriptions.add(subscribe(endpoint, lookup.stream()));
		}
		this.running = true;
	}

	private void checkParameterType(ExchangeListenerEndpoint endpoint, ResolvableType outputType) {
		Class<?> parameterType = endpoint.method().getParameterTypes()[0];
		Class<?> outputClass = outputType.resolve();
		if (outputClass != null && !ClassUtils.isAssignable(parameterType, outputClass)) {
			throw new IllegalStateException("@ExchangeListener method "
					+ endpoint.method().getDeclaringClass().getName() + "." + endpoint.method().getName() + " takes "
					+ parameterType.getName() + " but exchange '" + endpoint.exchange() + "' emits " + outputType);
		}
	}

	private Subscription subscribe(ExchangeListenerEndpoint endpoint, ExchangeStream<?> stream) {
		MethodHandle handle = methodHandle(endpoint);
		Scheduler scheduler = Schedulers.newSingle("exchange-listener-" + endpoint.exchange() + "-" + endpoint.id(),
				true);
		CountDownLatch done = new CountDownLatch(1);
		// with the error overflow policy, a listener that fell behind starts over with
		// new
		// outputs: the overflow has been reported, and a listener must never go silent
		Disposable disposable = stream.flux(endpoint.id(), scheduler)
			.retryWhen(Retry.indefinitely().filter(ConsumerOverflowException.class::isInstance))
			.doFinally((signal) -> done.countDown())
			.subscribe((output) -> invoke(endpoint, handle, output));
		return new Subscription(endpoint, scheduler, disposable, done);
	}

	private static MethodHandle methodHandle(ExchangeListenerEndpoint endpoint) {
		ReflectionUtils.makeAccessible(endpoint.method());
		try {
			return MethodHandles.lookup()
				.unreflect(endpoint.method())
				.bindTo(endpoint.bean())
				.asType(MethodType.methodType(void.class, Object.class));
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("Cannot access @ExchangeListener method " + endpoint.method(), ex);
		}
	}

	private void invoke(ExchangeListenerEndpoint endpoint, MethodHandle handle, Object output) {
		try {
			handle.invokeExact(output);
		}
		catch (Throwable ex) {
			this.observer.onError(new ExchangeError(endpoint.exchange(), ErrorKind.LISTENER,
					new ListenerExecutionFailedException(endpoint, ex), null));
		}
	}

	@Override
	public synchronized void stop() {
		long deadline = System.nanoTime() + this.shutdownTimeout.toNanos();
		for (Subscription subscription : this.subscriptions) {
			subscription.awaitDrained(deadline);
			subscription.disposable().dispose();
			subscription.scheduler().dispose();
		}
		this.subscriptions.clear();
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

	/**
	 * A stream with its output type.
	 *
	 * @param stream the stream
	 * @param outputType the type of its outputs
	 */
	public record StreamLookup(ExchangeStream<?> stream, ResolvableType outputType) {

	}

	private record Subscription(ExchangeListenerEndpoint endpoint, Scheduler scheduler, Disposable disposable,
			CountDownLatch done) {

		void awaitDrained(long deadline) {
			try {
				if (!this.done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
					logger.warn("Listener " + this.endpoint.id() + " of exchange '" + this.endpoint.exchange()
							+ "' did not drain in time; cancelling it");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
