package dev.exchangeintegration.core;

import java.time.Duration;
import java.time.Instant;

/**
 * Turns the {@link System#nanoTime()} stamps taken as frames are read into wall-clock
 * instants, only when asked: stamping a frame costs one {@code nanoTime()} and no
 * allocation. The mapping is anchored on the system clock and re-anchored every second,
 * so that it follows adjustments of the wall clock.
 */
final class ReceiveTimes {

	private static final long REANCHOR_NANOS = Duration.ofSeconds(1).toNanos();

	private static volatile Anchor anchor = Anchor.now();

	private ReceiveTimes() {
	}

	/**
	 * Return the instant of a stamp taken recently.
	 * @param nanoTime a value of {@link System#nanoTime()}
	 * @return the corresponding wall-clock instant
	 */
	static Instant toInstant(long nanoTime) {
		Anchor current = anchor;
		if (System.nanoTime() - current.nanoTime > REANCHOR_NANOS) {
			current = Anchor.now();
			anchor = current;
		}
		return current.instant.plusNanos(nanoTime - current.nanoTime);
	}

	private record Anchor(Instant instant, long nanoTime) {

		static Anchor now() {
			return new Anchor(Instant.now(), System.nanoTime());
		}

	}

}
