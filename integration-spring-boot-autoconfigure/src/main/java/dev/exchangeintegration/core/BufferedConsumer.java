package dev.exchangeintegration.core;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * A consumer with a buffer of its own, filled on the transport's thread and drained by
 * the consumer's own delivery: its overflow policy applies when the buffer is full.
 * <p>
 * Offering an output costs a comparison with the producer's view of the buffer's size,
 * the stores of the output and of the tail, and a read of whether the consumer is asleep;
 * the policy is looked at only once the buffer is full. A consumer that sleeps is woken
 * at once, or, when the transport says when a read is complete, at the end of the read
 * (or once {@value #WAKE_AFTER} outputs wait): one wake-up per read rather than per
 * output, and no fence per output.
 *
 * @param <O> the output type
 */
abstract class BufferedConsumer<O> implements Receiver<O> {

	/**
	 * Outputs waiting for a sleeping consumer before it is woken in the middle of a read:
	 * a bound on the delay that waking once per read adds (under half a millisecond at
	 * 300,000 frames a second), for a wake-up per 128 outputs at most; a quarter of its
	 * buffer for a consumer whose buffer is smaller than 512.
	 */
	private static final int WAKE_AFTER = 128;

	final Outputs<O> outputs;

	final String name;

	final OverflowPolicy policy;

	final int bufferSize;

	final OutputBuffer buffer;

	final ReadGate.Hold hold;

	final ConsumerObserver.@Nullable DeliveryTimer deliveryTimer;

	private final int resumeAt;

	private final int wakeAfter;

	private final AtomicLong droppedByName;

	// written by the producer only
	private volatile long dropped;

	BufferedConsumer(Outputs<O> outputs, String name, OverflowPolicy policy, int bufferSize) {
		this.outputs = outputs;
		this.name = name;
		this.policy = policy;
		this.bufferSize = bufferSize;
		this.buffer = new OutputBuffer(bufferSize,
				policy == OverflowPolicy.DROP_OLDEST || policy == OverflowPolicy.ERROR);
		this.hold = outputs.gate().newHold(name, bufferSize);
		this.resumeAt = bufferSize / 2;
		// a small buffer must not fill up while its consumer sleeps
		this.wakeAfter = Math.max(1, Math.min(WAKE_AFTER, bufferSize / 4));
		this.droppedByName = outputs.dropCounter(name);
		this.deliveryTimer = outputs.deliveryTimer(name);
	}

	@Override
	public final void receive(O output, long receivedAt, Map<String, Object> headers) {
		if (this.buffer.sizeAtMost() >= this.bufferSize && this.buffer.sizeNow() >= this.bufferSize
				&& !admitWhenFull()) {
			return;
		}
		if (!this.outputs.readsInBatches()) {
			this.buffer.offer(output, receivedAt, headers, true);
			if (isAsleep()) {
				wakeUp();
			}
			return;
		}
		// woken at the end of the read, or once it has a few outputs waiting
		this.buffer.offer(output, receivedAt, headers, false);
		if (isAsleep() && this.buffer.sizeNow() >= this.wakeAfter) {
			wakeUp();
		}
	}

	@Override
	public final void endOfRead() {
		if (isAsleep() && this.buffer.sizeNow() > 0) {
			wakeUp();
		}
	}

	@Override
	public final long offered() {
		return this.buffer.offered();
	}

	@Override
	public final boolean handedOver(long offered) {
		// the count first: a consumer seen quiescent after taking the last output has
		// handled it
		long taken = this.buffer.taken();
		return taken > offered || (taken == offered && isQuiescent()) || hasEnded();
	}

	/**
	 * Apply the overflow policy to a full buffer.
	 * @return whether the new output is to be buffered
	 */
	private boolean admitWhenFull() {
		switch (this.policy) {
			case BACKPRESSURE -> {
				holdReads();
				return true;
			}
			case DROP_OLDEST -> {
				if (this.buffer.dropOldest()) {
					dropped(1);
				}
				return true;
			}
			case DROP_LATEST -> {
				dropped(1);
				return false;
			}
			default -> {
				overflowed(this.buffer.clear() + 1);
				return false;
			}
		}
	}

	private void holdReads() {
		if (!isActive()) {
			// a consumer that has ended must not keep the stream from reading
			return;
		}
		if (this.hold.isHeld()) {
			this.outputs.gate().ensurePaused();
		}
		else {
			this.outputs.gate().hold(this.hold);
		}
	}

	private void dropped(long count) {
		this.dropped = this.dropped + count;
		long total = this.droppedByName.addAndGet(count);
		// drops come in floods: report the 1st, 2nd, 4th, 8th... of each consumer
		if (Long.bitCount(total) == 1) {
			this.outputs.report(ErrorKind.OVERFLOW, newOverflowException(total));
		}
	}

	/**
	 * Count the outputs dropped by the {@link OverflowPolicy#ERROR} policy, report them,
	 * and fail as the consumer's kind does.
	 * @param count the outputs dropped: those buffered and the new one
	 */
	void overflowed(long count) {
		this.dropped = this.dropped + count;
		ConsumerOverflowException ex = newOverflowException(this.droppedByName.addAndGet(count));
		this.outputs.report(ErrorKind.OVERFLOW, ex);
		fail(ex);
	}

	private ConsumerOverflowException newOverflowException(long total) {
		return new ConsumerOverflowException(this.outputs.exchange(), this.name, this.bufferSize, this.policy, total);
	}

	/**
	 * Release the consumer's hold on the stream's reads once it has drained to half its
	 * buffer. Called by the consumer's delivery.
	 */
	final void releaseIfDrained() {
		if (mustRelease()) {
			this.outputs.gate().release(this.hold);
		}
	}

	/**
	 * Return whether the consumer holds the stream's reads although it has drained to
	 * half its buffer.
	 */
	final boolean mustRelease() {
		return this.hold.isHeld() && this.buffer.size() <= this.resumeAt;
	}

	/**
	 * Stop holding the stream's reads for good, as the consumer ends.
	 */
	final void releaseHold() {
		this.outputs.gate().release(this.hold);
	}

	/**
	 * Return the outputs dropped for this consumer so far; those of every consumer of the
	 * same name are also counted together, for {@link ExchangeStream#droppedOutputs()}
	 * and the reports.
	 */
	final long droppedCount() {
		return this.dropped;
	}

	/**
	 * Record the delivery time of the output just polled, if deliveries are timed.
	 */
	final void timeDelivery() {
		ConsumerObserver.DeliveryTimer timer = this.deliveryTimer;
		if (timer != null) {
			timer.record(System.nanoTime() - this.buffer.polledReceivedAt());
		}
	}

	/**
	 * Return whether the consumer's delivery has said it is going to sleep.
	 */
	abstract boolean isAsleep();

	/**
	 * Wake the consumer's delivery.
	 */
	abstract void wakeUp();

	/**
	 * Return whether the consumer's delivery is between outputs, waiting for more: the
	 * output it took last has been handled.
	 */
	abstract boolean isQuiescent();

	/**
	 * Return whether the consumer has ended, or been disposed of, without leaving outputs
	 * it had taken undelivered because it was aborted.
	 */
	abstract boolean hasEnded();

	/**
	 * Return whether the consumer still takes outputs.
	 */
	abstract boolean isActive();

	/**
	 * The {@link OverflowPolicy#ERROR} policy dropped the buffer.
	 * @param ex the error reported
	 */
	abstract void fail(ConsumerOverflowException ex);

}
