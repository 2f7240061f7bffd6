package dev.exchangeintegration.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Exceptions;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;

/**
 * The standard {@link ExchangeStream}: it connects a {@link Transport}, sends the
 * subscription frames once the connection is open, parses every inbound frame with a
 * {@link ProtocolParser}, and feeds the result to a {@link Transformer}, whose outputs
 * are multicast to subscribers.
 * <p>
 * Parse and transform errors are reported to the {@link ExchangeStreamObserver} and the
 * stream goes on. When a connection is lost, closed by the exchange, goes silent, does
 * not answer pings or has a subscription rejected, that is reported too, and the stream
 * reconnects with backoff and resubscribes (see {@link ReconnectSpec}); subscribers see
 * one continuous stream.
 *
 * @param <I> the exchange message type
 * @param <O> the output type
 */
public final class DefaultExchangeStream<I, O> implements ExchangeStream<O> {

	/**
	 * Default size of each subscriber's buffer: {@value}.
	 */
	public static final int DEFAULT_BUFFER_SIZE = 8192;

	/**
	 * Default time allowed for a connection to open: 10 s.
	 */
	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	private final String name;

	private final Transport transport;

	private final List<Object> subscriptions;

	private final ProtocolParser<I> parser;

	private final Transformer<I, O> transformer;

	private final ExchangeStreamObserver observer;

	private final Scheduler deliveryScheduler;

	private final Scheduler timer;

	private final int bufferSize;

	private final OverflowPolicy overflow;

	private final ReconnectSpec reconnect;

	final @Nullable SubscriptionAckSpec subscriptionAck;

	final @Nullable HeartbeatSpec heartbeat;

	final @Nullable Duration staleTimeout;

	final @Nullable Duration connectTimeout;

	private final Sinks.Many<O> sink = Sinks.many().multicast().directBestEffort();

	private final Consumer<O> emitter = this::emit;

	private final Sinks.Empty<Void> terminated = Sinks.empty();

	private final AtomicBoolean started = new AtomicBoolean();

	private final AtomicReference<ConnectionState> state = new AtomicReference<>(ConnectionState.NEW);

	private final Map<String, AtomicLong> drops = new ConcurrentHashMap<>();

	private final AtomicLong unnamedConsumers = new AtomicLong();

	private final Object frameLock = new Object();

	private volatile boolean stopping;

	private volatile @Nullable StreamConnection current;

	private volatile @Nullable Disposable connections;

	private DefaultExchangeStream(Builder<I, O> builder) {
		this.name = builder.name;
		this.transport = builder.transport;
		this.subscriptions = new CopyOnWriteArrayList<>(builder.subscriptions);
		this.parser = builder.parser;
		this.transformer = builder.transformer;
		this.observer = builder.observer;
		this.deliveryScheduler = Objects.requireNonNull(builder.deliveryScheduler, "deliveryScheduler");
		this.timer = builder.timer;
		this.bufferSize = builder.bufferSize;
		this.overflow = builder.overflow;
		this.reconnect = builder.reconnect;
		this.subscriptionAck = builder.subscriptionAck;
		this.heartbeat = builder.heartbeat;
		this.staleTimeout = builder.staleTimeout;
		this.connectTimeout = builder.connectTimeout;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public Flux<O> flux() {
		return flux(this.deliveryScheduler);
	}

	@Override
	public Flux<O> flux(Scheduler scheduler) {
		return Flux.defer(() -> flux("flux-" + this.unnamedConsumers.incrementAndGet(), scheduler));
	}

	@Override
	public Flux<O> flux(String consumer, Scheduler scheduler) {
		return Flux.defer(() -> {
			AtomicLong dropped = this.drops.computeIfAbsent(consumer, (key) -> new AtomicLong());
			Consumer<O> onDrop = (output) -> onDropped(consumer, dropped);
			Flux<O> outputs = this.sink.asFlux();
			Flux<O> buffered = switch (this.overflow) {
				case BACKPRESSURE, DROP_OLDEST ->
					outputs.onBackpressureBuffer(this.bufferSize, onDrop, BufferOverflowStrategy.DROP_OLDEST);
				case DROP_LATEST ->
					outputs.onBackpressureBuffer(this.bufferSize, onDrop, BufferOverflowStrategy.DROP_LATEST);
				case ERROR -> outputs.onBackpressureBuffer(this.bufferSize, (output) -> {
				}, BufferOverflowStrategy.ERROR)
					.onErrorMap(Exceptions::isOverflow, (ex) -> overflowed(consumer, dropped));
			};
			if (this.overflow != OverflowPolicy.ERROR) {
				return buffered.publishOn(scheduler);
			}
			// the error overtakes what is queued, and every output discarded is counted
			return buffered.publishOn(scheduler, false, Queues.SMALL_BUFFER_SIZE)
				.doOnDiscard(Object.class, (output) -> dropped.incrementAndGet());
		});
	}

	// INTERIM: delivery on top of flux() until the delivery redesign replaces it
	@Override
	public OutputSubscription subscribe(ConsumerSpec spec, OutputHandler<? super O> handler) {
		Scheduler scheduler = spec.isDirect() ? Schedulers.immediate() : Schedulers.fromExecutor(spec.executor());
		InterimSubscription<O> subscription = new InterimSubscription<>(this, spec.name(), handler);
		flux(spec.name(), scheduler).subscribe(subscription);
		return subscription;
	}

	private static final class InterimSubscription<O> extends reactor.core.publisher.BaseSubscriber<O>
			implements OutputSubscription, OutputContext {

		private final DefaultExchangeStream<?, O> stream;

		private final String name;

		private final OutputHandler<? super O> handler;

		private volatile boolean paused;

		InterimSubscription(DefaultExchangeStream<?, O> stream, String name, OutputHandler<? super O> handler) {
			this.stream = stream;
			this.name = name;
			this.handler = handler;
		}

		@Override
		protected void hookOnSubscribe(org.reactivestreams.Subscription subscription) {
			request(1);
		}

		@Override
		protected void hookOnNext(O output) {
			try {
				this.handler.onOutput(output, this);
			}
			catch (Exception ex) {
				this.stream.report(ErrorKind.LISTENER, ex, null, null);
			}
			if (!this.paused) {
				request(1);
			}
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public void pause() {
			this.paused = true;
		}

		@Override
		public void resume() {
			if (this.paused) {
				this.paused = false;
				request(1);
			}
		}

		@Override
		public boolean isPaused() {
			return this.paused;
		}

		@Override
		public long dropped() {
			return this.stream.droppedOutputs().getOrDefault(this.name, 0L);
		}

		@Override
		public int buffered() {
			return 0;
		}

		@Override
		public boolean drainAndDispose(Duration timeout) {
			dispose();
			return true;
		}

		@Override
		public String exchange() {
			return this.stream.name();
		}

		@Override
		public java.time.Instant receivedAt() {
			return java.time.Instant.now();
		}

		@Override
		public Map<String, Object> headers() {
			return Map.of();
		}

	}

	@Override
	public ConnectionState state() {
		return this.state.get();
	}

	@Override
	public void send(Object message) {
		StreamConnection connection = this.current;
		if (connection == null || !connection.send(message)) {
			throw new IllegalStateException(
					"Exchange '" + this.name + "' has no open connection (state " + state() + ")");
		}
	}

	@Override
	public void addSubscription(Object subscription) {
		// shares the lock with StreamConnection.onOpen: the subscription goes out exactly
		// once on the current connection, whether it opens before or after this call
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

	@Override
	public Map<String, Long> droppedOutputs() {
		Map<String, Long> counts = new java.util.TreeMap<>();
		this.drops.forEach((consumer, count) -> {
			if (count.get() > 0) {
				counts.put(consumer, count.get());
			}
		});
		return counts;
	}

	/**
	 * Return whether the stream has been started and has not stopped yet.
	 * @return whether the stream is running
	 */
	public boolean isRunning() {
		ConnectionState current = state();
		return current != ConnectionState.NEW && current != ConnectionState.STOPPED;
	}

	/**
	 * Open the connection, and keep one open until stopped. Does nothing when already
	 * started.
	 */
	public void start() {
		if (!this.started.compareAndSet(false, true)) {
			return;
		}
		this.connections = Flux.defer(this::connect)
			.retryWhen(this.reconnect.toRetry().scheduler(this.timer).filter((ex) -> !this.stopping))
			.subscribe(null, this::onGaveUp, this::complete);
	}

	/**
	 * Close the connection gracefully with code 1000 and complete the outputs. Waits at
	 * most {@code timeout} for the exchange to answer the close, then drops the
	 * connection; never throws for a connection that does not answer.
	 * @param timeout how long to wait for the connection to end
	 */
	public void stop(Duration timeout) {
		if (this.stopping) {
			return;
		}
		this.stopping = true;
		try {
			StreamConnection connection = this.current;
			if (connection != null && connection.close("client stopping")) {
				// an exchange that does not answer the Close frame gets no longer than
				// this
				this.terminated.asMono().timeout(timeout, Mono.empty()).block();
			}
		}
		finally {
			Disposable all = this.connections;
			if (all != null) {
				all.dispose();
			}
			complete();
		}
	}

	private Flux<Object> connect() {
		if (this.stopping) {
			return Flux.empty();
		}
		StreamConnection connection = new StreamConnection(this);
		synchronized (this.state) {
			this.current = connection;
			changeState(connection, ConnectionState.CONNECTING, null);
		}
		return connection.run(this.transport, this.timer);
	}

	private void onGaveUp(Throwable error) {
		if (!this.stopping && reconnects()) {
			Throwable cause = Exceptions.isRetryExhausted(error) ? error.getCause() : error;
			report(ErrorKind.CONNECTION, new IllegalStateException("Exchange '" + this.name
					+ "' gave up reconnecting after " + this.reconnect.maxAttempts() + " failed attempt(s)", cause),
					null, null);
		}
		complete();
	}

	private void complete() {
		synchronized (this.state) {
			this.current = null;
			ConnectionState previous = this.state.getAndSet(ConnectionState.STOPPED);
			if (previous != ConnectionState.STOPPED) {
				this.observer.onStateChange(this.name, previous, ConnectionState.STOPPED, null);
			}
		}
		this.terminated.emitEmpty(Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
		this.sink.emitComplete(Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
	}

	boolean isStopping() {
		return this.stopping;
	}

	boolean reconnects() {
		return this.reconnect.enabled() && this.reconnect.maxAttempts() > 0;
	}

	/**
	 * Return the subscriptions to send on a new connection, and the lock that
	 * {@link #addSubscription(String)} holds.
	 */
	List<Object> subscriptions() {
		return this.subscriptions;
	}

	/**
	 * Change the state on behalf of a connection, unless it is no longer the current one
	 * or the stream has stopped. Changes are made and reported one at a time, in order.
	 */
	void changeState(StreamConnection connection, ConnectionState next, @Nullable Throwable cause) {
		synchronized (this.state) {
			ConnectionState previous = this.state.get();
			boolean ending = next == ConnectionState.RECONNECTING;
			if (this.current != connection || (connection.hasEnded() && !ending) || previous == ConnectionState.STOPPED
					|| previous == next) {
				return;
			}
			this.state.set(next);
			this.observer.onStateChange(this.name, previous, next, cause);
		}
	}

	void report(ErrorKind kind, Throwable cause, @Nullable String excerpt, @Nullable CloseStatus closeStatus) {
		this.observer.onError(new ExchangeError(this.name, kind, cause, excerpt, closeStatus));
	}

	/**
	 * Parse and transform one data frame of a connection, reporting errors as values.
	 * Frames are processed one at a time across connections, so that a transformer is
	 * never called concurrently, even when an old connection's thread is still inside it
	 * as a new connection opens; frames of a connection that has ended are skipped.
	 */
	void onFrame(StreamConnection connection, Frame frame) {
		synchronized (this.frameLock) {
			if (this.current == connection && !connection.hasEnded()) {
				parseAndTransform(frame);
			}
		}
	}

	private void parseAndTransform(Frame frame) {
		I input;
		try {
			input = this.parser.parse(frame);
		}
		catch (Exception ex) {
			report(ErrorKind.PARSE, ex, frame.excerpt(), null);
			return;
		}
		if (input == null) {
			return;
		}
		try {
			this.transformer.transform(input, this.emitter);
		}
		catch (Exception ex) {
			report(ErrorKind.TRANSFORM, ex, frame.excerpt(), null);
		}
	}

	private void emit(O output) {
		Objects.requireNonNull(output, "Transformer emitted a null output");
		Sinks.EmitResult result = this.sink.tryEmitNext(output);
		if (result == Sinks.EmitResult.FAIL_NON_SERIALIZED) {
			this.sink.emitNext(output, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
		}
	}

	private void onDropped(String consumer, AtomicLong dropped) {
		long count = dropped.incrementAndGet();
		// drops come in floods: report the 1st, 2nd, 4th, 8th... of each consumer
		if (Long.bitCount(count) == 1) {
			report(ErrorKind.OVERFLOW,
					new ConsumerOverflowException(this.name, consumer, this.bufferSize, this.overflow, count), null,
					null);
		}
	}

	private ConsumerOverflowException overflowed(String consumer, AtomicLong dropped) {
		long count = dropped.incrementAndGet();
		ConsumerOverflowException ex = new ConsumerOverflowException(this.name, consumer, this.bufferSize,
				this.overflow, count);
		report(ErrorKind.OVERFLOW, ex, null, null);
		return ex;
	}

	/**
	 * Start building a stream.
	 * @param <I> the exchange message type
	 * @param <O> the output type
	 * @param name the exchange name
	 * @param transport the transport to connect with
	 * @param parser the parser for inbound frames
	 * @param transformer the transformer of parsed messages
	 * @return a builder
	 */
	public static <I, O> Builder<I, O> builder(String name, Transport transport, ProtocolParser<I> parser,
			Transformer<I, O> transformer) {
		return new Builder<>(name, transport, parser, transformer);
	}

	/**
	 * Builds a {@link DefaultExchangeStream}.
	 *
	 * @param <I> the exchange message type
	 * @param <O> the output type
	 */
	public static final class Builder<I, O> {

		private final String name;

		private final Transport transport;

		private final ProtocolParser<I> parser;

		private final Transformer<I, O> transformer;

		private List<?> subscriptions = List.of();

		private ExchangeStreamObserver observer = ExchangeStreamObserver.NONE;

		private @Nullable Scheduler deliveryScheduler;

		private Scheduler timer = Schedulers.parallel();

		private int bufferSize = DEFAULT_BUFFER_SIZE;

		private OverflowPolicy overflow = OverflowPolicy.DROP_OLDEST;

		private ReconnectSpec reconnect = ReconnectSpec.DEFAULTS;

		private @Nullable SubscriptionAckSpec subscriptionAck;

		private @Nullable HeartbeatSpec heartbeat;

		private @Nullable Duration staleTimeout;

		private @Nullable Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

		private Builder(String name, Transport transport, ProtocolParser<I> parser, Transformer<I, O> transformer) {
			this.name = name;
			this.transport = transport;
			this.parser = parser;
			this.transformer = transformer;
		}

		/**
		 * Set the text frames sent once each connection opens. None by default.
		 * @param subscriptions the subscription frames
		 * @return this builder
		 */
		public Builder<I, O> subscriptions(List<?> subscriptions) {
			this.subscriptions = subscriptions;
			return this;
		}

		/**
		 * Set the observer that errors and state changes are reported to.
		 * {@link ExchangeStreamObserver#NONE} by default.
		 * @param observer the observer
		 * @return this builder
		 */
		public Builder<I, O> observer(ExchangeStreamObserver observer) {
			this.observer = observer;
			return this;
		}

		/**
		 * Set the scheduler that {@link ExchangeStream#flux()} delivers on. Required.
		 * @param deliveryScheduler the scheduler
		 * @return this builder
		 */
		public Builder<I, O> deliveryScheduler(Scheduler deliveryScheduler) {
			this.deliveryScheduler = deliveryScheduler;
			return this;
		}

		/**
		 * Set the scheduler of backoff delays, heartbeats and watchdogs.
		 * {@link Schedulers#parallel()} by default.
		 * @param timer the scheduler
		 * @return this builder
		 */
		public Builder<I, O> timer(Scheduler timer) {
			this.timer = timer;
			return this;
		}

		/**
		 * Set the size of each subscriber's buffer. {@value #DEFAULT_BUFFER_SIZE} by
		 * default.
		 * @param bufferSize the buffer size
		 * @return this builder
		 */
		public Builder<I, O> bufferSize(int bufferSize) {
			if (bufferSize < 1) {
				throw new IllegalArgumentException("bufferSize must be positive, was " + bufferSize);
			}
			this.bufferSize = bufferSize;
			return this;
		}

		/**
		 * Set what happens to a subscriber whose buffer is full.
		 * {@link OverflowPolicy#DROP_OLDEST} by default.
		 * @param overflow the policy
		 * @return this builder
		 */
		public Builder<I, O> overflow(OverflowPolicy overflow) {
			this.overflow = overflow;
			return this;
		}

		/**
		 * Set how to reconnect. {@link ReconnectSpec#DEFAULTS} by default.
		 * @param reconnect the reconnection settings
		 * @return this builder
		 */
		public Builder<I, O> reconnect(ReconnectSpec reconnect) {
			this.reconnect = reconnect;
			return this;
		}

		/**
		 * Set how subscriptions are acknowledged. None by default: a connection is live
		 * as soon as its subscriptions are sent.
		 * @param subscriptionAck the acknowledgement settings, or {@code null}
		 * @return this builder
		 */
		public Builder<I, O> subscriptionAck(@Nullable SubscriptionAckSpec subscriptionAck) {
			this.subscriptionAck = subscriptionAck;
			return this;
		}

		/**
		 * Set the keep-alive pings. None by default.
		 * @param heartbeat the heartbeat settings, or {@code null}
		 * @return this builder
		 */
		public Builder<I, O> heartbeat(@Nullable HeartbeatSpec heartbeat) {
			this.heartbeat = heartbeat;
			return this;
		}

		/**
		 * Set the time after which a connection with no data frame is replaced. None by
		 * default.
		 * @param staleTimeout the timeout, or {@code null}
		 * @return this builder
		 */
		public Builder<I, O> staleTimeout(@Nullable Duration staleTimeout) {
			this.staleTimeout = positiveOrNull(staleTimeout, "staleTimeout");
			return this;
		}

		/**
		 * Set the time allowed for a connection to open, handshakes included. 10 s by
		 * default.
		 * @param connectTimeout the timeout, or {@code null} for none
		 * @return this builder
		 */
		public Builder<I, O> connectTimeout(@Nullable Duration connectTimeout) {
			this.connectTimeout = positiveOrNull(connectTimeout, "connectTimeout");
			return this;
		}

		private static @Nullable Duration positiveOrNull(@Nullable Duration duration, String name) {
			if (duration != null && (duration.isNegative() || duration.isZero())) {
				throw new IllegalArgumentException(name + " must be positive, was " + duration);
			}
			return duration;
		}

		/**
		 * Build the stream. It connects on {@link DefaultExchangeStream#start()}.
		 * @return the stream
		 */
		public DefaultExchangeStream<I, O> build() {
			return new DefaultExchangeStream<>(this);
		}

	}

}
