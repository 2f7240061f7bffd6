package dev.exchangeintegration.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * The connections of a stream, one at a time: opens them, replaces a lost one with
 * backoff, tracks the connection state, and feeds the frames of the current one to the
 * stream's {@link FramePipeline}.
 * <p>
 * Frames are processed one at a time across connections, under a lock, so that a
 * transformer is never called concurrently, even when an old connection's thread is still
 * inside it as a new connection delivers, and so that consumers' buffers have one
 * producer at a time; frames of a connection that has ended are skipped. The lock is
 * uncontended but for that case: on HotSpot, taking and releasing it are a
 * compare-and-set each, nothing next to the microseconds of parsing a frame, and it also
 * hands the consumers' buffers over from an old connection's thread to a new one's.
 */
final class Connections implements ConnectionContext {

	private final StreamSettings settings;

	private final Transport transport;

	private final ExchangeStreamObserver observer;

	private final Scheduler timer;

	private final FramePipeline<?, ?> pipeline;

	private final ReadGate gate;

	private final Runnable onComplete;

	private final List<Object> subscriptions;

	private final Object lifecycle = new Object();

	private volatile Sinks.Empty<Void> terminated = Sinks.empty();

	private boolean started;

	// disconnected on request, until resumed
	private volatile boolean suspended;

	private final AtomicReference<ConnectionState> state = new AtomicReference<>(ConnectionState.NEW);

	private final Object frameLock = new Object();

	private volatile boolean stopping;

	private volatile @Nullable StreamConnection current;

	private volatile @Nullable Disposable connections;

	Connections(StreamSettings settings, Transport transport, List<?> subscriptions, ExchangeStreamObserver observer,
			Scheduler timer, FramePipeline<?, ?> pipeline, ReadGate gate, Runnable onComplete) {
		this.settings = settings;
		this.transport = transport;
		this.subscriptions = new ArrayList<>(subscriptions);
		this.observer = observer;
		this.timer = timer;
		this.pipeline = pipeline;
		this.gate = gate;
		this.onComplete = onComplete;
	}

	ConnectionState state() {
		return this.state.get();
	}

	void start() {
		synchronized (this.lifecycle) {
			if (this.started || this.stopping) {
				return;
			}
			this.started = true;
			run();
		}
	}

	private void run() {
		this.terminated = Sinks.empty();
		this.connections = Flux.defer(this::connect)
			.retryWhen(this.settings.reconnect().toRetry().scheduler(this.timer).filter((ex) -> !isStopping()))
			.subscribe(null, this::onGaveUp, this::ended);
	}

	/**
	 * Close the connection gracefully, waiting at most {@code timeout}, and open none
	 * until {@link #resume()}; the consumers stay subscribed.
	 * @return whether the stream was suspended by this call
	 */
	boolean suspend(Duration timeout) {
		synchronized (this.lifecycle) {
			if (!this.started || this.stopping || this.suspended || state() == ConnectionState.STOPPED) {
				return false;
			}
			this.suspended = true;
			closeAndDispose(timeout, this::suspended);
			return true;
		}
	}

	/**
	 * Connect again after {@link #suspend(Duration)}.
	 * @return whether the stream was resumed by this call
	 */
	boolean resume() {
		synchronized (this.lifecycle) {
			if (!this.suspended || this.stopping) {
				return false;
			}
			this.suspended = false;
			run();
			return true;
		}
	}

	/**
	 * Drop the current connection now, as if it had failed, and reconnect with the usual
	 * backoff; the subscriptions are sent again.
	 * @return whether a connection was dropped
	 */
	boolean reconnect() {
		StreamConnection connection = this.current;
		return connection != null && !isStopping() && this.settings.reconnects()
				&& connection.drop(new OperatorReconnectException(this.settings.name()));
	}

	private void closeCurrent(Duration timeout) {
		StreamConnection connection = this.current;
		if (connection != null && connection.close("client stopping")) {
			// an exchange that does not answer the close gets no longer than this
			this.terminated.asMono().timeout(timeout, Mono.empty()).block();
		}
	}

	private void ended() {
		if (this.suspended && !this.stopping) {
			suspended();
		}
		else {
			complete();
		}
	}

	private void suspended() {
		synchronized (this.state) {
			this.current = null;
			ConnectionState previous = this.state.get();
			if (previous != ConnectionState.STOPPED && previous != ConnectionState.SUSPENDED) {
				this.state.set(ConnectionState.SUSPENDED);
				this.observer.onStateChange(this.settings.name(), previous, ConnectionState.SUSPENDED, null);
			}
		}
		this.terminated.emitEmpty(Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
	}

	/**
	 * Close the connection gracefully, wait at most {@code timeout} for it to end, and
	 * complete.
	 */
	void stop(Duration timeout) {
		if (this.stopping) {
			return;
		}
		this.stopping = true;
		closeAndDispose(timeout, this::complete);
	}

	/**
	 * Close the connection gracefully, waiting at most {@code timeout}, end the
	 * reconnection loop, then run {@code then}.
	 */
	private void closeAndDispose(Duration timeout, Runnable then) {
		try {
			closeCurrent(timeout);
		}
		finally {
			Disposable all = this.connections;
			if (all != null) {
				all.dispose();
			}
			then.run();
		}
	}

	void send(Object message) {
		Objects.requireNonNull(message, "message");
		StreamConnection connection = this.current;
		if (connection == null || !connection.send(message)) {
			throw new IllegalStateException(
					"Exchange '" + this.settings.name() + "' has no open connection (state " + state() + ")");
		}
	}

	List<Object> subscriptions() {
		synchronized (this.subscriptions) {
			return List.copyOf(this.subscriptions);
		}
	}

	void addSubscription(Object subscription) {
		Objects.requireNonNull(subscription, "subscription");
		// the lock of withSubscriptions: the subscription goes out exactly once on the
		// current connection, whether it opens before or after this call
		synchronized (this.subscriptions) {
			this.subscriptions.add(subscription);
			StreamConnection connection = this.current;
			if (connection != null) {
				try {
					connection.send(subscription);
				}
				catch (IllegalStateException ex) {
					// the connection is closing; the subscription goes out on the next
					// one
				}
			}
		}
	}

	private Flux<Object> connect() {
		if (isStopping()) {
			return Flux.empty();
		}
		StreamConnection connection = new StreamConnection(this);
		synchronized (this.state) {
			this.current = connection;
			this.gate.connected(connection);
			changeState(connection, ConnectionState.CONNECTING, null);
		}
		return connection.run(this.transport, this.timer);
	}

	private void onGaveUp(Throwable error) {
		if (this.suspended && !this.stopping) {
			suspended();
			return;
		}
		if (!this.stopping && this.settings.reconnects()) {
			Throwable cause = Exceptions.isRetryExhausted(error) ? error.getCause() : error;
			report(ErrorKind.CONNECTION,
					new IllegalStateException("Exchange '" + this.settings.name() + "' gave up reconnecting after "
							+ this.settings.reconnect().maxAttempts() + " failed attempt(s)", cause),
					null, null);
		}
		complete();
	}

	private void complete() {
		synchronized (this.state) {
			this.current = null;
			ConnectionState previous = this.state.getAndSet(ConnectionState.STOPPED);
			if (previous != ConnectionState.STOPPED) {
				this.observer.onStateChange(this.settings.name(), previous, ConnectionState.STOPPED, null);
			}
		}
		this.terminated.emitEmpty(Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
		this.onComplete.run();
	}

	@Override
	public StreamSettings settings() {
		return this.settings;
	}

	@Override
	public boolean isStopping() {
		return this.stopping || this.suspended;
	}

	@Override
	public void report(ErrorKind kind, Throwable cause, @Nullable String excerpt, @Nullable CloseStatus closeStatus) {
		this.observer.onError(new ExchangeError(this.settings.name(), kind, cause, excerpt, closeStatus));
	}

	/**
	 * Changes are made and reported one at a time, in order; a connection that is no
	 * longer the current one, or that has ended, changes nothing but to
	 * {@link ConnectionState#RECONNECTING}, and nothing follows
	 * {@link ConnectionState#STOPPED}.
	 */
	@Override
	public void changeState(StreamConnection connection, ConnectionState next, @Nullable Throwable cause) {
		synchronized (this.state) {
			ConnectionState previous = this.state.get();
			boolean ending = next == ConnectionState.RECONNECTING;
			if (this.current != connection || (connection.hasEnded() && !ending) || previous == ConnectionState.STOPPED
					|| previous == next) {
				return;
			}
			this.state.set(next);
			this.observer.onStateChange(this.settings.name(), previous, next, cause);
		}
	}

	@Override
	public void onFrame(StreamConnection connection, Frame frame, long receivedAt) {
		synchronized (this.frameLock) {
			if (this.current == connection && !connection.hasEnded()) {
				this.pipeline.process(frame, receivedAt);
			}
		}
	}

	@Override
	public DeliveryCheckpoint checkpoint(StreamConnection connection) {
		synchronized (this.frameLock) {
			return this.pipeline.checkpoint();
		}
	}

	/**
	 * Takes no lock and asks nothing of the connection: it only wakes consumers, which is
	 * safe from any thread, and must not wait for an old connection's thread stuck in the
	 * transformer (the new connection's subscriptions would wait with it). The outputs of
	 * a connection that has just ended are woken for too.
	 */
	@Override
	public void onReadComplete(StreamConnection connection) {
		this.pipeline.onReadComplete();
	}

	@Override
	public void withSubscriptions(Consumer<List<Object>> action) {
		synchronized (this.subscriptions) {
			action.accept(List.copyOf(this.subscriptions));
		}
	}

}
