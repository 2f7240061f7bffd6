package dev.exchangeintegration.rest;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A source of nonces: milliseconds from a clock, raised where needed so that each nonce
 * is strictly greater than the one before, even when several threads ask at once or the
 * clock does not move or steps back. Thread-safe and lock-free.
 */
public final class Nonces {

	private final AtomicLong last = new AtomicLong(Long.MIN_VALUE);

	/**
	 * Create a new source, with no nonce issued yet.
	 */
	public Nonces() {
	}

	/**
	 * Return the next nonce: the clock's milliseconds, or one more than the previous
	 * nonce when that is greater.
	 * @param clock the clock to read
	 * @return a nonce, strictly greater than every nonce returned before and never less
	 * than the clock's milliseconds
	 */
	public long next(Clock clock) {
		long now = clock.millis();
		while (true) {
			long previous = this.last.get();
			long next = Math.max(now, previous + 1);
			if (this.last.compareAndSet(previous, next)) {
				return next;
			}
		}
	}

	@Override
	public String toString() {
		return "Nonces[last=" + this.last.get() + "]";
	}

}
