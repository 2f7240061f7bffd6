package dev.exchangeintegration.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * The standard {@link ExchangeStream}: it connects a {@link Transport}, sends the
 * subscription frames once the connection is open, parses every inbound frame with a
 * {@link ProtocolParser}, and feeds the result to a {@link Transformer}, whose outputs
 * are multicast to subscribers.
 * <p>
 * Parse and transform errors are reported to the {@link ExchangeStreamObserver} and the
 * stream goes on. When the exchange closes the connection, that is reported too and the
 * stream completes.
 *
 * @param <I> the exchange message type
 * @param <O> the output type
 */
public final class DefaultExchangeStream<I, O> implements ExchangeStream<O> {

	/**
	 * Default size of each subscriber's buffer: {@value}.
	 */
	public static final int DEFAULT_BUFFER_SIZE = 8192;

	private final String name;

	private final Transport transport;

	private final List<String> subscriptions;

	private final ProtocolParser<I> parser;

	private final Transformer<I, O> transformer;

	private final ExchangeStreamObserver observer;

	private final Scheduler deliveryScheduler;

	private final int bufferSize;

	private final Sinks.Many<O> sink = Sinks.many().multicast().directBestEffort();

	private final Consumer<O> emitter = this::emit;

	private final Sinks.Empty<Void> terminated = Sinks.empty();

	private final AtomicBoolean started = new AtomicBoolean();

	private volatile boolean stopping;

	private volatile boolean ended;

	private volatile Transport.@Nullable Outbound outbound;

	private volatile @Nullable Disposable connection;

	private DefaultExchangeStream(Builder<I, O> builder) {
		this.name = builder.name;
		this.transport = builder.transport;
		this.subscriptions = List.copyOf(builder.subscriptions);
		this.parser = builder.parser;
		this.transformer = builder.transformer;
		this.observer = builder.observer;
		this.deliveryScheduler = Objects.requireNonNull(builder.deliveryScheduler, "deliveryScheduler");
		this.bufferSize = builder.bufferSize;
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
		return this.sink.asFlux()
			.onBackpressureBuffer(this.bufferSize, this::onOverflow, BufferOverflowStrategy.DROP_OLDEST)
			.publishOn(scheduler);
	}

	/**
	 * Return whether the stream has been started and has not ended yet.
	 * @return whether the stream is running
	 */
	public boolean isRunning() {
		return this.started.get() && !this.ended;
	}

	/**
	 * Open the connection. Does nothing when already started.
	 */
	public void start() {
		if (!this.started.compareAndSet(false, true)) {
			return;
		}
		this.connection = this.transport.connect(new Handler())
			.subscribe(this::onClosed, this::onConnectionError, this::complete);
	}

	/**
	 * Close the connection gracefully with code 1000 and complete the outputs. Waits at
	 * most {@code timeout} for the exchange to acknowledge the close, then drops the
	 * connection.
	 * @param timeout how long to wait for the connection to end
	 */
	public void stop(Duration timeout) {
		if (this.stopping) {
			return;
		}
		this.stopping = true;
		Transport.Outbound out = this.outbound;
		if (out != null && !this.ended) {
			out.close(new CloseStatus(CloseStatus.NORMAL.code(), "client stopping"));
			this.terminated.asMono().block(timeout);
		}
		Disposable current = this.connection;
		if (current != null) {
			current.dispose();
		}
		complete();
	}

	private void onClosed(CloseStatus status) {
		if (!this.stopping) {
			this.observer.onError(new ExchangeError(this.name, ErrorKind.CLOSED,
					new ConnectionClosedException(this.name, status), null, status));
		}
	}

	private void onConnectionError(Throwable error) {
		if (!this.stopping) {
			this.observer.onError(new ExchangeError(this.name, ErrorKind.CONNECTION, error, null));
		}
		complete();
	}

	private void complete() {
		this.ended = true;
		this.terminated.emitEmpty(Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
		this.sink.emitComplete(Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
	}

	private void onFrame(Frame frame) {
		I input;
		try {
			input = this.parser.parse(frame);
		}
		catch (Exception ex) {
			this.observer.onError(new ExchangeError(this.name, ErrorKind.PARSE, ex, frame.excerpt()));
			return;
		}
		if (input == null) {
			return;
		}
		try {
			this.transformer.transform(input, this.emitter);
		}
		catch (Exception ex) {
			this.observer.onError(new ExchangeError(this.name, ErrorKind.TRANSFORM, ex, frame.excerpt()));
		}
	}

	private void emit(O output) {
		Objects.requireNonNull(output, "Transformer emitted a null output");
		Sinks.EmitResult result = this.sink.tryEmitNext(output);
		if (result == Sinks.EmitResult.FAIL_NON_SERIALIZED) {
			this.sink.emitNext(output, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
		}
	}

	private void onOverflow(O dropped) {
		this.observer.onError(new ExchangeError(this.name, ErrorKind.OVERFLOW,
				new ConsumerOverflowException(this.name, this.bufferSize), null));
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

	private final class Handler implements Transport.Handler {

		@Override
		public void onOpen(Transport.Outbound outbound) {
			DefaultExchangeStream.this.outbound = outbound;
			if (DefaultExchangeStream.this.stopping) {
				outbound.close(CloseStatus.NORMAL);
				return;
			}
			for (String subscription : DefaultExchangeStream.this.subscriptions) {
				outbound.send(subscription);
			}
		}

		@Override
		public void onFrame(Frame frame) {
			DefaultExchangeStream.this.onFrame(frame);
		}

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

		private List<String> subscriptions = List.of();

		private ExchangeStreamObserver observer = ExchangeStreamObserver.NONE;

		private @Nullable Scheduler deliveryScheduler;

		private int bufferSize = DEFAULT_BUFFER_SIZE;

		private Builder(String name, Transport transport, ProtocolParser<I> parser, Transformer<I, O> transformer) {
			this.name = name;
			this.transport = transport;
			this.parser = parser;
			this.transformer = transformer;
		}

		/**
		 * Set the text frames sent once the connection opens. None by default.
		 * @param subscriptions the subscription frames
		 * @return this builder
		 */
		public Builder<I, O> subscriptions(List<String> subscriptions) {
			this.subscriptions = subscriptions;
			return this;
		}

		/**
		 * Set the observer that errors are reported to.
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
		 * Set the size of each subscriber's buffer; when it is full the oldest output is
		 * dropped and an {@link ErrorKind#OVERFLOW} error reported.
		 * {@value #DEFAULT_BUFFER_SIZE} by default.
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
		 * Build the stream. It connects on {@link DefaultExchangeStream#start()}.
		 * @return the stream
		 */
		public DefaultExchangeStream<I, O> build() {
			return new DefaultExchangeStream<>(this);
		}

	}

}
