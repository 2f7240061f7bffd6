package dev.exchangeintegration.benchmark;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the trades one consumer receives, checks that each carries the id that follows
 * the one before, and times the first to the last of the connection. Written by one
 * thread at a time.
 */
final class Tally {

	private final long expected;

	private final CountDownLatch done = new CountDownLatch(1);

	// set without a fence on every trade: read only to watch for progress
	private final AtomicLong progress = new AtomicLong();

	private long count;

	private long checksum;

	private long previous = TradeFrames.FIRST_ID - 1;

	private long sequenceBreaks;

	private long firstNanos;

	private long lastNanos;

	Tally(long expected) {
		this.expected = expected;
	}

	void record(long id) {
		long n = this.count;
		if (n == 0) {
			this.firstNanos = System.nanoTime();
		}
		if (id != TradeFrames.successorOf(this.previous) && id != TradeFrames.LAST_ID) {
			this.sequenceBreaks++;
		}
		this.previous = id;
		this.checksum += id;
		this.count = n + 1;
		this.progress.lazySet(n + 1);
		if (id == TradeFrames.LAST_ID) {
			this.lastNanos = System.nanoTime();
			this.done.countDown();
		}
	}

	/**
	 * Wait for the last trade of the connection, or until none has come for
	 * {@code stallTimeout}.
	 * @param contender the contender's name
	 * @param stallTimeout how long without progress before giving up
	 * @return the measurement
	 * @throws InterruptedException if interrupted while waiting
	 */
	Measurement await(String contender, Duration stallTimeout) throws InterruptedException {
		long seen = -1;
		long lastProgress = System.nanoTime();
		while (!this.done.await(200, TimeUnit.MILLISECONDS)) {
			long now = System.nanoTime();
			long current = this.progress.get();
			if (current != seen) {
				seen = current;
				lastProgress = now;
			}
			else if (now - lastProgress > stallTimeout.toNanos()) {
				// the other fields may not be visible to this thread: only the count is
				return new Measurement(contender, this.expected, current, 0, 0, 0)
					.withNote("no trade for " + stallTimeout.toSeconds() + " s");
			}
		}
		long checksumError = (this.count == this.expected) ? this.checksum - TradeFrames.checksumOf(this.expected) : 0;
		return new Measurement(contender, this.expected, this.count, checksumError, this.sequenceBreaks,
				this.lastNanos - this.firstNanos);
	}

}
