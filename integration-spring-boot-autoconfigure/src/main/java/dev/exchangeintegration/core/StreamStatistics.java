package dev.exchangeintegration.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import org.jspecify.annotations.Nullable;

/**
 * What a stream has done so far: frames, bytes and outputs, errors by kind, reconnects by
 * reason, its state and since when, the age of its last data frame and its last error.
 * Counters are plain fields written by the stream as it works, costing a store each per
 * frame, and read by meters and endpoints whenever they like. Thread-safe.
 */
public final class StreamStatistics {

	/**
	 * Reconnect reason of an operator's {@link DefaultExchangeStream#reconnect()}:
	 * {@value}.
	 */
	public static final String OPERATOR = "operator";

	/**
	 * Every reason a stream reconnects for: the exchange closed the connection, it
	 * failed, it timed out (opening, stale, pong), a subscription was rejected or not
	 * acknowledged, or an operator asked.
	 */
	public static final List<String> RECONNECT_REASONS = List.of("closed", "connection", "timeout", "subscription",
			OPERATOR);

	private final AtomicLong frames = new AtomicLong();

	private final AtomicLong bytes = new AtomicLong();

	private final AtomicLong outputs = new AtomicLong();

	private final AtomicLong lastFrameAt = new AtomicLong();

	private final AtomicLongArray errors = new AtomicLongArray(ErrorKind.values().length);

	private final Map<String, AtomicLong> reconnects = new ConcurrentHashMap<>();

	private volatile ConnectionState state = ConnectionState.NEW;

	private volatile Instant stateSince = Instant.now();

	private volatile long unavailableSince = System.nanoTime();

	private volatile @Nullable LastError lastError;

	StreamStatistics() {
	}

	/**
	 * A data frame was read. Called under the stream's frame lock: one writer.
	 */
	void frame(int length, long receivedAt) {
		this.frames.lazySet(this.frames.get() + 1);
		this.bytes.lazySet(this.bytes.get() + length);
		this.lastFrameAt.lazySet(receivedAt);
	}

	/**
	 * An output was emitted. Called under the stream's frame lock: one writer.
	 */
	void output() {
		this.outputs.lazySet(this.outputs.get() + 1);
	}

	void error(ExchangeError error) {
		this.errors.incrementAndGet(error.kind().ordinal());
		this.lastError = new LastError(error.kind(), Excerpts.escape(error.cause().getMessage()), Instant.now());
	}

	void stateChanged(ConnectionState previous, ConnectionState current, @Nullable Throwable cause) {
		if (current == ConnectionState.RECONNECTING) {
			this.reconnects.computeIfAbsent(reasonOf(cause), (reason) -> new AtomicLong()).incrementAndGet();
		}
		if (current == ConnectionState.LIVE) {
			this.unavailableSince = 0;
		}
		else if (previous == ConnectionState.LIVE || previous == ConnectionState.NEW
				|| previous == ConnectionState.SUSPENDED) {
			this.unavailableSince = System.nanoTime();
		}
		this.state = current;
		this.stateSince = Instant.now();
	}

	private static String reasonOf(@Nullable Throwable cause) {
		if (cause instanceof ConnectionClosedException) {
			return "closed";
		}
		if (cause instanceof ConnectionTimeoutException) {
			return "timeout";
		}
		if (cause instanceof SubscriptionException) {
			return "subscription";
		}
		if (cause instanceof OperatorReconnectException) {
			return OPERATOR;
		}
		return "connection";
	}

	/**
	 * Return the data frames read, acknowledgements and pongs excluded.
	 * @return the count
	 */
	public long frames() {
		return this.frames.get();
	}

	/**
	 * Return the bytes of the data frames read.
	 * @return the count
	 */
	public long bytes() {
		return this.bytes.get();
	}

	/**
	 * Return the outputs emitted by the transformer, each counted once whatever the
	 * number of consumers.
	 * @return the count
	 */
	public long outputs() {
		return this.outputs.get();
	}

	/**
	 * Return the errors of one kind reported so far.
	 * @param kind the kind
	 * @return the count
	 */
	public long errors(ErrorKind kind) {
		return this.errors.get(kind.ordinal());
	}

	/**
	 * Return the reconnects so far, by reason: {@code closed}, {@code connection},
	 * {@code timeout}, {@code subscription} or {@value #OPERATOR}.
	 * @return the counts by reason
	 */
	public Map<String, Long> reconnects() {
		Map<String, Long> counts = new TreeMap<>();
		this.reconnects.forEach((reason, count) -> counts.put(reason, count.get()));
		return counts;
	}

	/**
	 * Return the reconnects so far for one reason.
	 * @param reason the reason
	 * @return the count
	 */
	public long reconnects(String reason) {
		AtomicLong count = this.reconnects.get(reason);
		return (count != null) ? count.get() : 0;
	}

	/**
	 * Return the state.
	 * @return the state
	 */
	public ConnectionState state() {
		return this.state;
	}

	/**
	 * Return when the stream entered its state.
	 * @return the time
	 */
	public Instant stateSince() {
		return this.stateSince;
	}

	/**
	 * Return how long the stream has not been {@link ConnectionState#LIVE}: since it
	 * started, left {@code LIVE} or was resumed.
	 * @return the duration, zero while live
	 */
	public Duration unavailableFor() {
		long since = this.unavailableSince;
		return (this.state == ConnectionState.LIVE || since == 0) ? Duration.ZERO
				: Duration.ofNanos(System.nanoTime() - since);
	}

	/**
	 * Return the time since the last data frame was read.
	 * @return the age, or {@code null} before the first frame
	 */
	public @Nullable Duration lastFrameAge() {
		long at = this.lastFrameAt.get();
		return (at != 0) ? Duration.ofNanos(System.nanoTime() - at) : null;
	}

	/**
	 * Return the last error reported.
	 * @return the error, or {@code null}
	 */
	public @Nullable LastError lastError() {
		return this.lastError;
	}

	/**
	 * The last error of a stream.
	 *
	 * @param kind where it arose
	 * @param message its message, escaped and bounded (see {@link Excerpts})
	 * @param at when it was reported
	 */
	public record LastError(ErrorKind kind, String message, Instant at) {

	}

}
