package dev.exchangeintegration.rest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Nonces}.
 */
class NoncesTests {

	private static final int THREADS = 8;

	private static final int CALLS = 10_000;

	@Test
	void returnsTheClockMillisWhenTheyMoveForward() {
		Nonces nonces = new Nonces();
		assertThat(nonces.next(clockAt(1000))).isEqualTo(1000);
		assertThat(nonces.next(clockAt(2000))).isEqualTo(2000);
	}

	@Test
	void raisesTheNonceWhenTheClockStandsStillOrStepsBack() {
		Nonces nonces = new Nonces();
		assertThat(nonces.next(clockAt(1000))).isEqualTo(1000);
		assertThat(nonces.next(clockAt(1000))).isEqualTo(1001);
		assertThat(nonces.next(clockAt(500))).isEqualTo(1002);
		assertThat(nonces.next(clockAt(1001))).isEqualTo(1003);
		assertThat(nonces.next(clockAt(5000))).isEqualTo(5000);
	}

	@Test
	void strictlyIncreasesAndNeverGoesBelowTheClockUnderConcurrency() throws Exception {
		Nonces nonces = new Nonces();
		Clock clock = clockAt(1_700_000_000_000L);
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<long[]>> results = new ArrayList<>();
			for (int thread = 0; thread < THREADS; thread++) {
				results.add(executor.submit(() -> {
					start.await();
					long[] sequence = new long[CALLS];
					for (int call = 0; call < CALLS; call++) {
						sequence[call] = nonces.next(clock);
					}
					return sequence;
				}));
			}
			start.countDown();
			Set<Long> all = new HashSet<>();
			for (Future<long[]> result : results) {
				long[] sequence = result.get(30, TimeUnit.SECONDS);
				for (int call = 0; call < CALLS; call++) {
					assertThat(sequence[call]).isGreaterThanOrEqualTo(clock.millis());
					if (call > 0) {
						assertThat(sequence[call]).isGreaterThan(sequence[call - 1]);
					}
					all.add(sequence[call]);
				}
			}
			assertThat(all).hasSize(THREADS * CALLS);
			assertThat(nonces.next(clock)).isEqualTo(clock.millis() + THREADS * CALLS);
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static Clock clockAt(long millis) {
		return Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
	}

}
