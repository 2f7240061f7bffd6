package dev.exchangeintegration.core;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

/**
 * Stops the stream reading its transport while any consumer holds it, and resumes once
 * none does: a {@link OverflowPolicy#BACKPRESSURE} consumer holds it from when its buffer
 * is full until it has drained to half, a paused direct consumer while paused.
 * <p>
 * Pausing applies to the current connection only. A new connection starts reading; if a
 * consumer still holds the gate, the next output offered to it pauses the new connection
 * too ({@link #ensurePaused()}). A consumer that keeps the stream paused for more than 1
 * s is reported as an {@link ErrorKind#OVERFLOW} error, and again at 2 s, 4 s...
 * <p>
 * Holding and releasing are rare, so they take a lock: the count of holders and the pause
 * of the connection change together.
 */
final class ReadGate {

	private static final Duration FIRST_REPORT = Duration.ofSeconds(1);

	private final String exchange;

	private final ExchangeStreamObserver observer;

	private final Scheduler timer;

	private final Object lock = new Object();

	private int holders;

	private @Nullable StreamConnection connection;

	private volatile boolean paused;

	ReadGate(String exchange, ExchangeStreamObserver observer, Scheduler timer) {
		this.exchange = exchange;
		this.observer = observer;
		this.timer = timer;
	}

	/**
	 * Return a new hold for a consumer.
	 * @param consumer the consumer's name
	 * @param bufferSize its buffer size, for reports, or {@code 0} to report nothing
	 */
	Hold newHold(String consumer, int bufferSize) {
		return new Hold(consumer, bufferSize);
	}

	/**
	 * Switch to a new connection, which reads until paused.
	 */
	void connected(StreamConnection connection) {
		synchronized (this.lock) {
			this.connection = connection;
			this.paused = false;
		}
	}

	/**
	 * Hold the gate for a consumer, pausing reads if they are not paused yet.
	 */
	void hold(Hold hold) {
		synchronized (this.lock) {
			if (!hold.held) {
				hold.held = true;
				this.holders++;
				hold.heldSince = System.nanoTime();
				if (hold.bufferSize > 0) {
					hold.scheduleReport(hold.heldSince, FIRST_REPORT);
				}
			}
			pauseIfHeld();
		}
	}

	/**
	 * Make sure the current connection is paused while the gate is held: a new connection
	 * reads until then.
	 */
	void ensurePaused() {
		if (!this.paused) {
			synchronized (this.lock) {
				pauseIfHeld();
			}
		}
	}

	/**
	 * Release a consumer's hold, resuming reads if it was the last one.
	 */
	void release(Hold hold) {
		if (!hold.held) {
			return;
		}
		synchronized (this.lock) {
			if (!hold.held) {
				return;
			}
			hold.held = false;
			hold.cancelReport();
			if (--this.holders == 0 && this.paused) {
				this.paused = false;
				StreamConnection current = this.connection;
				if (current != null) {
					current.resumeReading();
				}
			}
		}
	}

	private void pauseIfHeld() {
		StreamConnection current = this.connection;
		if (this.holders > 0 && !this.paused && current != null && current.pauseReading()) {
			this.paused = true;
		}
	}

	/**
	 * A consumer's hold on the gate.
	 */
	final class Hold {

		private final String consumer;

		private final int bufferSize;

		volatile boolean held;

		private long heldSince;

		private @Nullable Disposable report;

		private Hold(String consumer, int bufferSize) {
			this.consumer = consumer;
			this.bufferSize = bufferSize;
		}

		/**
		 * Return whether the consumer holds the gate.
		 */
		boolean isHeld() {
			return this.held;
		}

		/**
		 * Report the hold once it has lasted {@code at}, unless released by then.
		 */
		private void scheduleReport(long since, Duration at) {
			long delay = Math.max(0, since + at.toNanos() - System.nanoTime());
			try {
				this.report = ReadGate.this.timer.schedule(() -> report(since, at), delay, TimeUnit.NANOSECONDS);
			}
			catch (RejectedExecutionException ex) {
				// the timer has shut down with the application: nothing left to report to
				this.report = null;
			}
		}

		private void report(long since, Duration at) {
			synchronized (ReadGate.this.lock) {
				if (!this.held || this.heldSince != since) {
					return;
				}
				scheduleReport(since, at.multipliedBy(2));
			}
			Duration pausedFor = Duration.ofNanos(System.nanoTime() - since);
			ReadGate.this.observer.onError(new ExchangeError(ReadGate.this.exchange, ErrorKind.OVERFLOW,
					ConsumerOverflowException.paused(ReadGate.this.exchange, this.consumer, this.bufferSize, pausedFor),
					null));
		}

		private void cancelReport() {
			Disposable scheduled = this.report;
			if (scheduled != null) {
				scheduled.dispose();
				this.report = null;
			}
		}

	}

}
