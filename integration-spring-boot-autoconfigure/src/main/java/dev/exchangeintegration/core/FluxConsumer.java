package dev.exchangeintegration.core;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Scheduler;

/**
 * A {@code Flux} subscriber of a stream: it has a buffer of its own, drained on a worker
 * of its scheduler as far as the subscriber has requested. A subscriber that requests
 * nothing is a consumer whose buffer fills.
 * <p>
 * The drain runs as a task on the worker while there is something to do, then says it is
 * idle; the transport's thread schedules it again only when it has said so, so that a
 * busy stream costs no task per output.
 *
 * @param <O> the output type
 */
final class FluxConsumer<O> extends BufferedConsumer<O> implements Subscription, Runnable {

	@SuppressWarnings("rawtypes")
	private static final AtomicLongFieldUpdater<FluxConsumer> REQUESTED = AtomicLongFieldUpdater
		.newUpdater(FluxConsumer.class, "requested");

	@SuppressWarnings("rawtypes")
	private static final AtomicIntegerFieldUpdater<FluxConsumer> IDLE = AtomicIntegerFieldUpdater
		.newUpdater(FluxConsumer.class, "idle");

	private final CoreSubscriber<? super O> actual;

	private final Scheduler.Worker worker;

	private volatile long requested;

	private volatile int idle = 1;

	private volatile boolean done;

	private volatile boolean cancelled;

	private volatile @Nullable Throwable error;

	private long emitted;

	private boolean terminated;

	private FluxConsumer(Outputs<O> outputs, String name, CoreSubscriber<? super O> actual, Scheduler scheduler) {
		super(outputs, name, outputs.overflow(null), outputs.bufferSize(0));
		this.actual = actual;
		this.worker = scheduler.createWorker();
	}

	/**
	 * Return the outputs of a stream as a hot flux: each subscriber is a consumer of its
	 * own, delivered on a worker of {@code scheduler}.
	 */
	static <O> Flux<O> flux(Outputs<O> outputs, String name, Scheduler scheduler) {
		return new Flux<>() {

			@Override
			public void subscribe(CoreSubscriber<? super O> actual) {
				FluxConsumer<O> consumer = new FluxConsumer<>(outputs, name, actual, scheduler);
				actual.onSubscribe(consumer);
				if (!outputs.add(consumer)) {
					consumer.complete();
				}
			}

		};
	}

	@Override
	public void request(long n) {
		if (Operators.validate(n)) {
			Operators.addCap(REQUESTED, this, n);
			schedule();
		}
	}

	@Override
	public void cancel() {
		this.cancelled = true;
		this.outputs.remove(this);
		releaseHold();
		schedule();
	}

	@Override
	public void complete() {
		this.done = true;
		schedule();
	}

	@Override
	void fail(ConsumerOverflowException ex) {
		this.error = ex;
		this.outputs.remove(this);
		releaseHold();
		schedule();
	}

	@Override
	boolean isAsleep() {
		return this.idle == 1;
	}

	@Override
	void wakeUp() {
		schedule();
	}

	@Override
	boolean isActive() {
		return !this.cancelled && this.error == null && !this.done;
	}

	private void schedule() {
		if (IDLE.compareAndSet(this, 1, 0)) {
			try {
				this.worker.schedule(this);
			}
			catch (RuntimeException ex) {
				// the scheduler has shut down: nothing can be delivered any more
				this.cancelled = true;
				this.outputs.remove(this);
				releaseHold();
			}
		}
	}

	@Override
	public void run() {
		for (;;) {
			drain();
			if (this.terminated) {
				return;
			}
			this.idle = 1;
			if (!hasWork() || !IDLE.compareAndSet(this, 1, 0)) {
				return;
			}
		}
	}

	@Override
	boolean isQuiescent() {
		return this.idle == 1;
	}

	@Override
	boolean hasEnded() {
		return this.cancelled;
	}

	private boolean hasWork() {
		if (this.cancelled || this.error != null || mustRelease()) {
			return true;
		}
		return this.buffer.isEmpty() ? this.done : this.emitted != this.requested;
	}

	@SuppressWarnings("unchecked")
	private void drain() {
		long emitted = this.emitted;
		try {
			while (!this.cancelled && this.error == null && emitted != this.requested) {
				Object output = this.buffer.poll();
				if (output == null) {
					break;
				}
				timeDelivery();
				this.actual.onNext((O) output);
				emitted++;
				releaseIfDrained();
			}
		}
		catch (Throwable ex) {
			// onNext must not throw; Reactor's operators route errors to onError
			Exceptions.throwIfJvmFatal(ex);
			this.cancelled = true;
			this.outputs.remove(this);
		}
		this.emitted = emitted;
		releaseIfDrained();
		if (this.cancelled) {
			terminate();
		}
		else if (this.error != null) {
			terminate();
			this.actual.onError(this.error);
		}
		else if (this.done && this.buffer.isEmpty()) {
			terminate();
			this.actual.onComplete();
		}
	}

	private void terminate() {
		this.terminated = true;
		releaseHold();
		while (this.buffer.poll() != null) {
			// drop what is left for the garbage collector
		}
		this.worker.dispose();
	}

	@Override
	public ConsumerStatus status() {
		// a subscriber that requests nothing is as good as paused
		return new ConsumerStatus(this.name, "flux", (int) this.buffer.size(), droppedCount(),
				this.emitted == this.requested && !this.buffer.isEmpty());
	}

}
