package dev.exchangeintegration.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.jspecify.annotations.Nullable;

/**
 * The buffer of one consumer: a single-producer, single-consumer array ring of outputs,
 * each with the time its frame was read and, when there are any, its frame's headers.
 * <p>
 * The producer is the stream's delivery, serialized by the stream; the consumer is the
 * consumer's delivery loop. Neither takes a lock: the producer publishes an output with
 * one ordered store of the tail, the consumer frees it with one ordered store of the
 * head, and each reads the other's index only when its cached copy says the ring is full
 * or empty. The two indices sit 128 bytes apart so that they never share a cache line.
 * <p>
 * When the producer also removes outputs ({@code shared}: the oldest for
 * {@link OverflowPolicy#DROP_OLDEST}, all of them for {@link OverflowPolicy#ERROR}), each
 * output is claimed by a compare-and-set of the head, by the consumer to deliver it or by
 * the producer to drop it, so that every output is either delivered or counted as
 * dropped, exactly once.
 * <p>
 * The ring holds twice the consumer's buffer size, rounded up to a power of two: the
 * policies act at the buffer size, and the headroom takes what the transport had already
 * read when it was asked to pause. Beyond the ring, outputs go to an unbounded overflow
 * queue, so that {@link OverflowPolicy#BACKPRESSURE} never drops one.
 */
final class OutputBuffer {

	private static final VarHandle COUNTERS = MethodHandles.arrayElementVarHandle(long[].class);

	private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Object[].class);

	// indices into counters, 16 longs (128 bytes) apart: the producer's pair, the
	// consumer's pair
	private static final int TAIL = 16;

	private static final int HEAD_SEEN = 17;

	private static final int HEAD = 32;

	private static final int TAIL_SEEN = 33;

	private final long[] counters = new long[48];

	private final Object[] outputs;

	private final long[] receivedAt;

	private Object @Nullable [] headers;

	private final int mask;

	private final boolean shared;

	private final Queue<Overflowed> overflow = new ConcurrentLinkedQueue<>();

	private volatile long overflowStart;

	private volatile long overflowed;

	private volatile long overflowTaken;

	private boolean overflowing;

	// what poll() returned along with the output; read by the consumer only
	private long polledReceivedAt;

	private Map<String, Object> polledHeaders = Map.of();

	/**
	 * Largest buffer size: {@value}.
	 */
	static final int MAX_BUFFER_SIZE = 1 << 24;

	/**
	 * Create a buffer.
	 * @param bufferSize the consumer's buffer size, at most {@link #MAX_BUFFER_SIZE}
	 * @param shared whether the producer removes outputs too
	 */
	OutputBuffer(int bufferSize, boolean shared) {
		int capacity = Integer.highestOneBit(Math.max(8, bufferSize * 2 - 1)) << 1;
		this.outputs = new Object[capacity];
		this.receivedAt = new long[capacity];
		this.mask = capacity - 1;
		this.shared = shared;
	}

	/**
	 * Return the number of outputs buffered; exact when neither side is busy.
	 */
	long size() {
		long head = (long) COUNTERS.getVolatile(this.counters, HEAD);
		long tail = (long) COUNTERS.getVolatile(this.counters, TAIL);
		return Math.max(0, tail - head) + (this.overflowed - this.overflowTaken);
	}

	// ---- producer side

	/**
	 * Return how many outputs have been offered so far.
	 */
	long offered() {
		return this.counters[TAIL] + this.overflowed;
	}

	/**
	 * Return at least the number of outputs buffered, cheaply: with the producer's last
	 * view of the head.
	 */
	long sizeAtMost() {
		long ring = this.counters[TAIL] - this.counters[HEAD_SEEN];
		return this.overflowing ? ring + (this.overflowed - this.overflowTaken) : ring;
	}

	/**
	 * Return the number of outputs buffered, refreshing the producer's view of the head.
	 */
	long sizeNow() {
		this.counters[HEAD_SEEN] = (long) COUNTERS.getVolatile(this.counters, HEAD);
		return this.counters[TAIL] - this.counters[HEAD_SEEN] + (this.overflowed - this.overflowTaken);
	}

	/**
	 * Append an output: to the ring, or, when the ring is full, to the overflow queue.
	 * @param fence whether the store of the tail must be a full fence, so that a consumer
	 * that went to sleep after finding the buffer empty is seen asleep by the next read
	 * of its flag; otherwise it is an ordered store, and the caller fences before it
	 * looks
	 */
	void offer(Object output, long receivedAt, Map<String, Object> headers, boolean fence) {
		if (this.overflowing && this.overflowTaken == this.overflowed) {
			this.overflowing = false;
		}
		if (this.overflowing || !offerToRing(output, receivedAt, headers, fence)) {
			if (!this.overflowing) {
				this.overflowing = true;
				this.overflowStart = this.counters[TAIL];
			}
			this.overflow.offer(new Overflowed(output, receivedAt, headers));
			this.overflowed = this.overflowed + 1;
		}
	}

	private boolean offerToRing(Object output, long receivedAt, Map<String, Object> headers, boolean fence) {
		long[] counters = this.counters;
		long tail = counters[TAIL];
		if (tail - counters[HEAD_SEEN] > this.mask) {
			counters[HEAD_SEEN] = (long) COUNTERS.getVolatile(counters, HEAD);
			if (tail - counters[HEAD_SEEN] > this.mask) {
				return false;
			}
		}
		int slot = (int) tail & this.mask;
		if (this.shared) {
			awaitReleased(slot);
		}
		this.outputs[slot] = output;
		this.receivedAt[slot] = receivedAt;
		Object[] headersBySlot = this.headers;
		if (!headers.isEmpty() && headersBySlot == null) {
			headersBySlot = new Object[this.outputs.length];
			this.headers = headersBySlot;
		}
		if (headersBySlot != null) {
			headersBySlot[slot] = headers.isEmpty() ? null : headers;
		}
		if (fence) {
			COUNTERS.setVolatile(counters, TAIL, tail + 1);
		}
		else {
			COUNTERS.setRelease(counters, TAIL, tail + 1);
		}
		return true;
	}

	/**
	 * Wait for the consumer to clear a slot it has claimed. It clears it right after its
	 * claim, so a slot is still taken only if the consumer was descheduled between the
	 * two, while the producer dropped a whole buffer's worth of outputs: yield to it.
	 */
	private void awaitReleased(int slot) {
		while (SLOTS.getVolatile(this.outputs, slot) != null) {
			Thread.yield();
		}
	}

	/**
	 * Drop the oldest output, if the consumer has not taken it meanwhile. Only for a
	 * shared buffer.
	 * @return whether an output was dropped
	 */
	boolean dropOldest() {
		long[] counters = this.counters;
		for (;;) {
			long head = (long) COUNTERS.getVolatile(counters, HEAD);
			if (head >= counters[TAIL]) {
				return false;
			}
			if (COUNTERS.compareAndSet(counters, HEAD, head, head + 1)) {
				SLOTS.setRelease(this.outputs, (int) head & this.mask, null);
				counters[HEAD_SEEN] = head + 1;
				return true;
			}
		}
	}

	/**
	 * Drop every output the consumer has not taken yet. Only for a shared buffer.
	 * @return the number of outputs dropped
	 */
	long clear() {
		long[] counters = this.counters;
		long tail = counters[TAIL];
		for (;;) {
			long head = (long) COUNTERS.getVolatile(counters, HEAD);
			if (head >= tail) {
				return 0;
			}
			if (COUNTERS.compareAndSet(counters, HEAD, head, tail)) {
				for (long index = head; index < tail; index++) {
					SLOTS.setRelease(this.outputs, (int) index & this.mask, null);
				}
				counters[HEAD_SEEN] = tail;
				return tail - head;
			}
		}
	}

	/**
	 * Return how many outputs have been taken or dropped so far; may be called from any
	 * thread.
	 */
	long taken() {
		return (long) COUNTERS.getVolatile(this.counters, HEAD) + this.overflowTaken;
	}

	// ---- consumer side

	/**
	 * Take the oldest output, or return {@code null} when there is none; its receive time
	 * and headers are then {@link #polledReceivedAt()} and {@link #polledHeaders()}.
	 */
	@Nullable Object poll() {
		long[] counters = this.counters;
		for (;;) {
			long head = this.shared ? (long) COUNTERS.getVolatile(counters, HEAD) : counters[HEAD];
			if (head >= counters[TAIL_SEEN]) {
				counters[TAIL_SEEN] = (long) COUNTERS.getAcquire(counters, TAIL);
				if (head >= counters[TAIL_SEEN]) {
					return pollOverflow(head);
				}
			}
			int slot = (int) head & this.mask;
			Object output = this.outputs[slot];
			this.polledReceivedAt = this.receivedAt[slot];
			Object[] headersBySlot = this.headers;
			Object headers = (headersBySlot != null) ? headersBySlot[slot] : null;
			if (this.shared) {
				if (!COUNTERS.compareAndSet(counters, HEAD, head, head + 1)) {
					// the producer dropped it
					continue;
				}
				SLOTS.setRelease(this.outputs, slot, null);
			}
			else {
				this.outputs[slot] = null;
				COUNTERS.setRelease(counters, HEAD, head + 1);
			}
			this.polledHeaders = headers(headers);
			return output;
		}
	}

	private @Nullable Object pollOverflow(long head) {
		// the overflow holds what came after the ring's outputs up to overflowStart
		if (this.overflowTaken == this.overflowed || head != this.overflowStart) {
			return null;
		}
		Overflowed next = this.overflow.poll();
		if (next == null) {
			return null;
		}
		this.overflowTaken = this.overflowTaken + 1;
		this.polledReceivedAt = next.receivedAt();
		this.polledHeaders = next.headers();
		return next.output();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> headers(@Nullable Object headers) {
		return (headers != null) ? (Map<String, Object>) headers : Map.of();
	}

	long polledReceivedAt() {
		return this.polledReceivedAt;
	}

	Map<String, Object> polledHeaders() {
		return this.polledHeaders;
	}

	/**
	 * Return whether there is nothing to take, as the consumer sees it.
	 */
	boolean isEmpty() {
		long head = (long) COUNTERS.getVolatile(this.counters, HEAD);
		return head >= (long) COUNTERS.getVolatile(this.counters, TAIL) && this.overflowTaken == this.overflowed;
	}

	private record Overflowed(Object output, long receivedAt, Map<String, Object> headers) {

	}

}
