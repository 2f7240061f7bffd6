package dev.exchangeintegration.core;

import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;

/**
 * The consumers of a stream and the multicast to them: every output is handed to each
 * consumer in turn, from a copy-on-write array read once per output, on the transport's
 * thread. Consumers are added and removed under a lock; delivery takes none.
 *
 * @param <O> the output type
 */
final class Outputs<O> {

	@SuppressWarnings("rawtypes")
	private static final Receiver[] NONE = {};

	private final String exchange;

	private final ExchangeStreamObserver observer;

	private final ReadGate gate;

	private final OverflowPolicy overflow;

	private final int bufferSize;

	private final Map<String, AtomicLong> drops = new ConcurrentHashMap<>();

	private final AtomicLong unnamedConsumers = new AtomicLong();

	private final DeliveryContext frameContext;

	private final StreamStatistics statistics;

	private final @Nullable ConsumerObserver consumerObserver;

	private final Consumer<O> emitter = this::emit;

	private final Object lock = new Object();

	@SuppressWarnings("unchecked")
	private volatile Receiver<O>[] receivers = NONE;

	@SuppressWarnings("unchecked")
	private Receiver<O>[] completed = NONE;

	private boolean complete;

	private volatile boolean readsInBatches;

	// the frame being processed: written and read under the stream's frame lock
	private long frameReceivedAt;

	private Map<String, Object> frameHeaders = Map.of();

	Outputs(String exchange, ExchangeStreamObserver observer, ReadGate gate, OverflowPolicy overflow, int bufferSize,
			StreamStatistics statistics, @Nullable ConsumerObserver consumerObserver) {
		this.exchange = exchange;
		this.statistics = statistics;
		this.consumerObserver = consumerObserver;
		this.observer = observer;
		this.gate = gate;
		this.overflow = overflow;
		this.bufferSize = bufferSize;
		this.frameContext = new DeliveryContext(exchange);
	}

	/**
	 * Start delivering the outputs of a frame.
	 * @param receivedAt when the frame was read, as {@link System#nanoTime()}
	 * @param headers the frame's headers
	 * @return where the transformer emits the frame's outputs
	 */
	Consumer<O> beginFrame(long receivedAt, Map<String, Object> headers) {
		this.frameReceivedAt = receivedAt;
		this.frameHeaders = headers;
		this.frameContext.set(receivedAt, headers);
		return this.emitter;
	}

	/**
	 * The frames of one read have all been processed: wake the consumers that wait. From
	 * now on the transport is known to say so, and consumers are woken once per read.
	 */
	void endOfRead() {
		if (!this.readsInBatches) {
			this.readsInBatches = true;
		}
		// orders the stores of the outputs before the reads of whether consumers sleep
		VarHandle.fullFence();
		for (Receiver<O> receiver : this.receivers) {
			receiver.endOfRead();
		}
	}

	/**
	 * Return whether consumers may be woken at the end of the read rather than at once.
	 */
	boolean readsInBatches() {
		return this.readsInBatches;
	}

	private void emit(O output) {
		Objects.requireNonNull(output, "Transformer emitted a null output");
		this.statistics.output();
		for (Receiver<O> receiver : this.receivers) {
			receiver.receive(output, this.frameReceivedAt, this.frameHeaders);
		}
	}

	/**
	 * Return a checkpoint of the outputs offered so far. Called under the stream's frame
	 * lock; allocates only for consumers with a buffer.
	 */
	DeliveryCheckpoint checkpoint() {
		Receiver<O>[] all = this.receivers;
		int count = 0;
		long[] offered = new long[all.length];
		for (int i = 0; i < all.length; i++) {
			offered[i] = all[i].offered();
			if (offered[i] >= 0) {
				count++;
			}
		}
		return (count == 0) ? DeliveryCheckpoint.REACHED : new Checkpoint<>(all, offered);
	}

	OutputSubscription subscribe(ConsumerSpec spec, OutputHandler<? super O> handler) {
		if (spec.isDirect()) {
			DirectConsumer<O> consumer = new DirectConsumer<>(this, spec.name(), handler);
			if (!add(consumer)) {
				consumer.complete();
			}
			return consumer;
		}
		IsolatedConsumer<O> consumer = new IsolatedConsumer<>(this, spec.name(), overflow(spec.overflow()),
				bufferSize(spec.bufferSize()), handler, Objects.requireNonNull(spec.executor()));
		if (!add(consumer)) {
			// the stream has stopped: the loop ends at once
			consumer.complete();
		}
		try {
			consumer.start();
		}
		catch (RejectedExecutionException ex) {
			remove(consumer);
			throw ex;
		}
		return consumer;
	}

	Flux<O> flux(Scheduler scheduler) {
		return Flux.defer(() -> flux("flux-" + this.unnamedConsumers.incrementAndGet(), scheduler));
	}

	Flux<O> flux(String consumer, Scheduler scheduler) {
		return FluxConsumer.flux(this, consumer, scheduler);
	}

	/**
	 * Add a consumer, unless the stream has stopped.
	 * @return whether it was added
	 */
	boolean add(Receiver<O> receiver) {
		synchronized (this.lock) {
			if (this.complete) {
				return false;
			}
			Receiver<O>[] current = this.receivers;
			Receiver<O>[] added = Arrays.copyOf(current, current.length + 1);
			added[current.length] = receiver;
			this.receivers = added;
			return true;
		}
	}

	void remove(Receiver<O> receiver) {
		synchronized (this.lock) {
			Receiver<O>[] current = this.receivers;
			for (int i = 0; i < current.length; i++) {
				if (current[i] == receiver) {
					Receiver<O>[] removed = Arrays.copyOf(current, current.length - 1);
					System.arraycopy(current, i + 1, removed, i, current.length - i - 1);
					this.receivers = removed;
					return;
				}
			}
		}
	}

	/**
	 * The stream has stopped: complete every consumer, once.
	 */
	void complete() {
		Receiver<O>[] all;
		synchronized (this.lock) {
			if (this.complete) {
				return;
			}
			this.complete = true;
			all = this.receivers;
			this.completed = all;
			this.receivers = NONE;
		}
		for (Receiver<O> receiver : all) {
			receiver.complete();
		}
	}

	/**
	 * Wait for the consumers completed by {@link #complete()} to deliver what they had
	 * buffered, and end those that do not in time.
	 * @param deadline the {@link System#nanoTime()} to wait until at most
	 */
	void awaitEnd(long deadline) {
		Receiver<O>[] all;
		synchronized (this.lock) {
			all = this.completed;
		}
		for (Receiver<O> receiver : all) {
			if (!receiver.awaitEnd(deadline)) {
				receiver.abort();
			}
		}
	}

	Map<String, Long> droppedOutputs() {
		Map<String, Long> counts = new TreeMap<>();
		this.drops.forEach((consumer, count) -> {
			if (count.get() > 0) {
				counts.put(consumer, count.get());
			}
		});
		return counts;
	}

	/**
	 * Return a snapshot of every consumer.
	 */
	List<ConsumerStatus> consumers() {
		Receiver<O>[] all = this.receivers;
		List<ConsumerStatus> statuses = new ArrayList<>(all.length);
		for (Receiver<O> receiver : all) {
			statuses.add(receiver.status());
		}
		return statuses;
	}

	/**
	 * Return the timer of a new consumer's deliveries, if they are timed.
	 */
	ConsumerObserver.@Nullable DeliveryTimer deliveryTimer(String consumer) {
		ConsumerObserver observer = this.consumerObserver;
		return (observer != null) ? observer.subscribed(this.exchange, consumer) : null;
	}

	AtomicLong dropCounter(String consumer) {
		return this.drops.computeIfAbsent(consumer, (name) -> new AtomicLong());
	}

	void report(ErrorKind kind, Throwable cause) {
		this.observer.onError(new ExchangeError(this.exchange, kind, cause, null));
	}

	String exchange() {
		return this.exchange;
	}

	ReadGate gate() {
		return this.gate;
	}

	/**
	 * Return the context of the frame being processed, for direct delivery.
	 */
	DeliveryContext frameContext() {
		return this.frameContext;
	}

	OverflowPolicy overflow(@Nullable OverflowPolicy overflow) {
		return (overflow != null) ? overflow : this.overflow;
	}

	/**
	 * A checkpoint over the consumers of one moment, checked from the first one not yet
	 * known to have handled its outputs.
	 */
	private static final class Checkpoint<O> implements DeliveryCheckpoint {

		private final Receiver<O>[] receivers;

		private final long[] offered;

		private int next;

		Checkpoint(Receiver<O>[] receivers, long[] offered) {
			this.receivers = receivers;
			this.offered = offered;
		}

		@Override
		public synchronized boolean isReached() {
			while (this.next < this.receivers.length) {
				long offered = this.offered[this.next];
				if (offered >= 0 && !this.receivers[this.next].handedOver(offered)) {
					return false;
				}
				this.next++;
			}
			return true;
		}

	}

	int bufferSize(int bufferSize) {
		int size = (bufferSize > 0) ? bufferSize : this.bufferSize;
		if (size > OutputBuffer.MAX_BUFFER_SIZE) {
			throw new IllegalArgumentException(
					"bufferSize must be at most " + OutputBuffer.MAX_BUFFER_SIZE + ", was " + size);
		}
		return size;
	}

}
