package dev.exchangeintegration.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The standard {@link ExchangeStream}: it connects a {@link Transport}, sends the
 * subscriptions once the connection is open, parses every inbound frame with a
 * {@link ProtocolParser}, and feeds the result to a {@link Transformer}, whose outputs
 * are handed to every consumer.
 * <p>
 * Parse and transform errors are reported to the {@link ExchangeStreamObserver} and the
 * stream goes on. When a connection is lost, closed by the exchange, goes silent, does
 * not answer pings or has a subscription rejected, that is reported too, and the stream
 * reconnects with backoff and resubscribes (see {@link ReconnectSpec}); consumers see one
 * continuous stream.
 * <p>
 * Each consumer is delivered {@linkplain ConsumerSpec directly} on the transport's
 * thread, or through a buffer of its own, drained by a thread of its own (or, for a
 * {@code Flux} subscriber, a worker of its scheduler). A full buffer applies the
 * consumer's {@link OverflowPolicy}: by default {@link OverflowPolicy#BACKPRESSURE},
 * which stops the stream reading, for every consumer, until that one catches up.
 *
 * @param <I> the exchange message type
 * @param <O> the output type
 */
public final class DefaultExchangeStream<I, O> implements ExchangeStream<O> {

	/**
	 * Default size of each consumer's buffer: {@value}.
	 */
	public static final int DEFAULT_BUFFER_SIZE = 8192;

	/**
	 * Default time allowed for a connection to open: 10 s.
	 */
	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	private final String name;

	private final Scheduler deliveryScheduler;

	private final Outputs<O> outputs;

	private final Connections connections;

	private final StreamStatistics statistics = new StreamStatistics();

	private DefaultExchangeStream(Builder<I, O> builder) {
		this.name = builder.name;
		this.deliveryScheduler = Objects.requireNonNull(builder.deliveryScheduler, "deliveryScheduler");
		ExchangeStreamObserver observer = new CountingObserver(this.statistics, builder.observer);
		ReadGate gate = new ReadGate(builder.name, observer, builder.timer);
		this.outputs = new Outputs<>(builder.name, observer, gate, builder.overflow, builder.bufferSize,
				this.statistics, builder.consumerObserver);
		FramePipeline<I, O> pipeline = new FramePipeline<>(builder.parser, builder.transformer, this.outputs, observer,
				this.statistics);
		StreamSettings settings = new StreamSettings(builder.name, builder.reconnect, builder.subscriptionAck,
				builder.heartbeat, builder.staleTimeout, builder.connectTimeout, builder.liveOnData);
		this.connections = new Connections(settings, builder.transport, builder.subscriptions, observer, builder.timer,
				pipeline, gate, this.outputs::complete);
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
		return this.outputs.flux(scheduler);
	}

	@Override
	public Flux<O> flux(String consumer, Scheduler scheduler) {
		return this.outputs.flux(consumer, scheduler);
	}

	@Override
	public OutputSubscription subscribe(ConsumerSpec spec, OutputHandler<? super O> handler) {
		return this.outputs.subscribe(spec, handler);
	}

	@Override
	public ConnectionState state() {
		return this.connections.state();
	}

	@Override
	public void send(Object message) {
		this.connections.send(message);
	}

	@Override
	public void addSubscription(Object subscription) {
		this.connections.addSubscription(subscription);
	}

	@Override
	public Map<String, Long> droppedOutputs() {
		return this.outputs.droppedOutputs();
	}

	/**
	 * Return what the stream has done so far: frames, outputs, errors, reconnects, its
	 * state and since when.
	 * @return the statistics, updated as the stream works
	 */
	public StreamStatistics statistics() {
		return this.statistics;
	}

	/**
	 * Return the subscriptions sent as each connection opens: the configured ones, then
	 * those added at runtime, in order.
	 * @return the subscriptions
	 */
	public List<Object> subscriptions() {
		return this.connections.subscriptions();
	}

	/**
	 * Return a snapshot of every consumer subscribed now: listeners, sinks and
	 * {@code Flux} subscribers, each with its name.
	 * @return the consumers, in the order they subscribed
	 */
	public List<ConsumerStatus> consumers() {
		return this.outputs.consumers();
	}

	/**
	 * Close the connection gracefully and open none until {@link #resume()}, for example
	 * at an operator's request. Unlike {@link #stop(Duration)}, the consumers stay
	 * subscribed and nothing completes; the state is {@link ConnectionState#SUSPENDED}.
	 * Does nothing when not started, already suspended or stopped.
	 * @param timeout how long to wait for the exchange to answer the close
	 * @return whether the stream was suspended by this call
	 */
	public boolean suspend(Duration timeout) {
		return this.connections.suspend(timeout);
	}

	/**
	 * Connect again after {@link #suspend(Duration)}, sending every subscription, those
	 * added at runtime included. Does nothing unless suspended.
	 * @return whether the stream was resumed by this call
	 */
	public boolean resume() {
		return this.connections.resume();
	}

	/**
	 * Drop the connection now and reconnect with the usual backoff, sending every
	 * subscription again; counted as a reconnect with reason
	 * {@value StreamStatistics#OPERATOR}, not reported as an error. Does nothing with no
	 * connection, or when reconnection is disabled.
	 * @return whether a connection was dropped
	 */
	public boolean reconnect() {
		return this.connections.reconnect();
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
		this.connections.start();
	}

	/**
	 * Close the connection gracefully (for WebSocket, a Close frame with code 1000) and
	 * complete the consumers: {@code Flux} subscribers complete, and consumers with a
	 * thread of their own hand over what they have buffered, then end. Waits at most
	 * {@code timeout} in all, for the exchange to answer the close and for those
	 * consumers; the connection is then dropped, and a consumer still busy is
	 * interrupted. Never throws for a connection that does not answer.
	 * @param timeout how long to wait for the connection and the consumers to end
	 */
	public void stop(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		this.connections.stop(timeout);
		this.outputs.awaitEnd(deadline);
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

		private OverflowPolicy overflow = OverflowPolicy.BACKPRESSURE;

		private ReconnectSpec reconnect = ReconnectSpec.DEFAULTS;

		private @Nullable SubscriptionAckSpec subscriptionAck;

		private @Nullable HeartbeatSpec heartbeat;

		private @Nullable Duration staleTimeout;

		private @Nullable Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

		private @Nullable ConsumerObserver consumerObserver;

		private boolean liveOnData;

		private Builder(String name, Transport transport, ProtocolParser<I> parser, Transformer<I, O> transformer) {
			this.name = name;
			this.transport = transport;
			this.parser = parser;
			this.transformer = transformer;
		}

		/**
		 * Set the subscription messages sent, in order, once each connection opens, in
		 * types the transport understands (see {@link ExchangeStream#send(Object)}). None
		 * by default.
		 * @param subscriptions the subscription messages
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
		 * Set the observer told of each consumer as it subscribes, which may time its
		 * deliveries. None by default: deliveries are not timed.
		 * @param consumerObserver the observer, or {@code null}
		 * @return this builder
		 */
		public Builder<I, O> consumerObserver(@Nullable ConsumerObserver consumerObserver) {
			this.consumerObserver = consumerObserver;
			return this;
		}

		/**
		 * Return the exchange name.
		 * @return the name
		 */
		public String name() {
			return this.name;
		}

		/**
		 * Set the scheduler that {@link ExchangeStream#flux()} subscribers are delivered
		 * on, one worker each. Required.
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
		 * Set the size of the buffer of each consumer that does not set its own.
		 * {@value #DEFAULT_BUFFER_SIZE} by default.
		 * @param bufferSize the buffer size, at most 16,777,216
		 * @return this builder
		 */
		public Builder<I, O> bufferSize(int bufferSize) {
			if (bufferSize < 1 || bufferSize > OutputBuffer.MAX_BUFFER_SIZE) {
				throw new IllegalArgumentException(
						"bufferSize must be between 1 and " + OutputBuffer.MAX_BUFFER_SIZE + ", was " + bufferSize);
			}
			this.bufferSize = bufferSize;
			return this;
		}

		/**
		 * Set what happens when a consumer that does not set its own policy has a full
		 * buffer. {@link OverflowPolicy#BACKPRESSURE} by default.
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

		/**
		 * Set whether a connection that sends subscriptions, with no acknowledgements
		 * expected, is {@link ConnectionState#SUBSCRIBING} until its first data frame
		 * rather than {@link ConnectionState#LIVE} as soon as they are sent: for
		 * protocols whose subscriptions are answered by the data itself, such as a FIX
		 * MarketDataRequest. {@code false} by default.
		 * @param liveOnData whether the first data frame makes the connection live
		 * @return this builder
		 */
		public Builder<I, O> liveOnData(boolean liveOnData) {
			this.liveOnData = liveOnData;
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
