package dev.exchangeintegration.core;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;

/**
 * A consumer delivered on a thread of its own: one delivery loop, run as a single
 * long-running task on the consumer's {@link Executor}, hands the outputs of its buffer
 * to the handler in order.
 * <p>
 * When the buffer is empty the loop spins briefly, then parks, after saying so: the
 * transport's thread unparks it only when it has said so, and then once per read (see
 * {@link BufferedConsumer}), so that a busy stream costs no wake-up per output and the
 * consumer handles its outputs in batches.
 *
 * @param <O> the output type
 */
final class IsolatedConsumer<O> extends BufferedConsumer<O> implements OutputSubscription, Runnable {

	/**
	 * Checks of an empty buffer, with a spin-wait hint, before parking: a microsecond or
	 * two, for an output that follows at once. Spinning longer costs more than it saves:
	 * a parked consumer is woken once per read, and on a machine with few cores a
	 * spinning thread takes the processor from the transport's.
	 */
	private static final int SPINS = 64;

	private final OutputHandler<? super O> handler;

	private final Executor executor;

	private final DeliveryContext context;

	private final CountDownLatch ended = new CountDownLatch(1);

	private final Object threadLock = new Object();

	private volatile @Nullable Thread thread;

	private volatile boolean sleeping;

	private volatile boolean paused;

	private volatile boolean done;

	private volatile boolean disposed;

	private volatile boolean aborted;

	IsolatedConsumer(Outputs<O> outputs, String name, OverflowPolicy policy, int bufferSize,
			OutputHandler<? super O> handler, Executor executor) {
		super(outputs, name, policy, bufferSize);
		this.handler = handler;
		this.executor = executor;
		this.context = new DeliveryContext(outputs.exchange());
	}

	/**
	 * Start the delivery loop.
	 */
	void start() {
		this.executor.execute(this);
	}

	@Override
	public void run() {
		synchronized (this.threadLock) {
			this.thread = Thread.currentThread();
		}
		try {
			deliver();
		}
		finally {
			synchronized (this.threadLock) {
				this.thread = null;
			}
			releaseHold();
			this.outputs.remove(this);
			this.ended.countDown();
		}
	}

	private void deliver() {
		while (!this.disposed) {
			if (!this.paused) {
				Object output = this.buffer.poll();
				if (output != null) {
					handle(output);
					releaseIfDrained();
					continue;
				}
				if (this.done) {
					return;
				}
			}
			releaseIfDrained();
			idle();
		}
	}

	@SuppressWarnings("unchecked")
	private void handle(Object output) {
		timeDelivery();
		try {
			this.handler.onOutput((O) output,
					this.context.set(this.buffer.polledReceivedAt(), this.buffer.polledHeaders()));
		}
		catch (Throwable ex) {
			Exceptions.throwIfJvmFatal(ex);
			this.outputs.report(ErrorKind.LISTENER, ex);
		}
	}

	private void idle() {
		for (int i = 0; i < SPINS; i++) {
			if (hasWork()) {
				return;
			}
			Thread.onSpinWait();
		}
		this.sleeping = true;
		if (!hasWork()) {
			LockSupport.park(this);
		}
		this.sleeping = false;
	}

	private boolean hasWork() {
		return this.disposed || (!this.paused && (this.done || !this.buffer.isEmpty())) || mustRelease();
	}

	@Override
	boolean isAsleep() {
		return this.sleeping;
	}

	@Override
	void wakeUp() {
		this.sleeping = false;
		LockSupport.unpark(this.thread);
	}

	private void wake() {
		if (this.sleeping) {
			wakeUp();
		}
	}

	@Override
	boolean isQuiescent() {
		return this.sleeping;
	}

	@Override
	boolean hasEnded() {
		// an aborted consumer did not hand over what it had buffered
		return isDisposed() && !this.aborted;
	}

	@Override
	boolean isActive() {
		return !this.disposed && !this.done;
	}

	@Override
	void fail(ConsumerOverflowException ex) {
		// reported; the consumer goes on with the outputs that follow
	}

	@Override
	public void complete() {
		this.done = true;
		wake();
	}

	@Override
	public boolean awaitEnd(long deadline) {
		try {
			return this.ended.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public void abort() {
		this.aborted = true;
		dispose();
		// the handler is stuck: interrupt it, as long as the thread still runs this loop
		synchronized (this.threadLock) {
			Thread running = this.thread;
			if (running != null) {
				running.interrupt();
			}
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
		this.paused = false;
		wake();
	}

	@Override
	public ConsumerStatus status() {
		return new ConsumerStatus(this.name, "isolated", buffered(), dropped(), isPaused());
	}

	@Override
	public boolean isPaused() {
		return this.paused;
	}

	@Override
	public long dropped() {
		return droppedCount();
	}

	@Override
	public int buffered() {
		return (int) Math.min(Integer.MAX_VALUE, this.buffer.size());
	}

	@Override
	public boolean drainAndDispose(Duration timeout) {
		this.outputs.remove(this);
		if (Thread.currentThread() == this.thread) {
			// called by the handler: what is buffered cannot be handled before it returns
			dispose();
			return this.buffer.isEmpty();
		}
		complete();
		boolean drained = awaitEnd(System.nanoTime() + timeout.toNanos()) && this.buffer.isEmpty();
		if (!drained) {
			abort();
		}
		return drained;
	}

	@Override
	public void dispose() {
		this.disposed = true;
		this.outputs.remove(this);
		releaseHold();
		wake();
	}

	@Override
	public boolean isDisposed() {
		return this.disposed || this.ended.getCount() == 0;
	}

}
