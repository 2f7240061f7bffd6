package dev.exchangeintegration.core;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lock-free ring under a producer and a consumer racing on two threads: every output
 * is either taken once, in order, or dropped and counted, never both.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class OutputBufferTests {

	private static final int OUTPUTS = 2_000_000;

	private static final int LIMIT = 64;

	@Test
	void dropOldestDeliversAnIncreasingSequenceAndCountsEveryOtherOutputAsDropped() throws Exception {
		OutputBuffer buffer = new OutputBuffer(LIMIT, true);
		Taker taker = new Taker(buffer);
		CompletableFuture<Void> taking = CompletableFuture.runAsync(taker);
		long dropped = 0;
		for (long n = 1; n <= OUTPUTS; n++) {
			if (buffer.sizeNow() >= LIMIT && buffer.dropOldest()) {
				dropped++;
			}
			buffer.offer(n, n, Map.of(), true);
		}
		taker.finish(taking);
		assertThat(taker.inOrder).as("outputs taken in order").isTrue();
		assertThat(taker.taken + dropped).isEqualTo(OUTPUTS);
		assertThat(taker.last).isEqualTo(OUTPUTS);
		assertThat(dropped).as("outputs dropped").isPositive();
	}

	@Test
	void clearingOnOverflowDeliversAnIncreasingSequenceAndCountsEveryOtherOutputAsDropped() throws Exception {
		OutputBuffer buffer = new OutputBuffer(LIMIT, true);
		Taker taker = new Taker(buffer);
		CompletableFuture<Void> taking = CompletableFuture.runAsync(taker);
		long dropped = 0;
		for (long n = 1; n <= OUTPUTS; n++) {
			if (buffer.sizeNow() >= LIMIT) {
				dropped += buffer.clear() + 1;
				continue;
			}
			buffer.offer(n, n, Map.of(), true);
		}
		taker.finish(taking);
		assertThat(taker.inOrder).as("outputs taken in order").isTrue();
		assertThat(taker.taken + dropped).isEqualTo(OUTPUTS);
	}

	@Test
	void beyondTheRingOutputsOverflowAndAreStillTakenInOrder() throws Exception {
		OutputBuffer buffer = new OutputBuffer(4, false);
		Taker taker = new Taker(buffer);
		taker.pauseEvery = 1000;
		CompletableFuture<Void> taking = CompletableFuture.runAsync(taker);
		long largest = 0;
		for (long n = 1; n <= OUTPUTS; n++) {
			buffer.offer(n, n, (n % 3 == 0) ? Map.of("n", n) : Map.of(), n % 2 == 0);
			largest = Math.max(largest, buffer.sizeNow());
		}
		taker.finish(taking);
		assertThat(largest).as("most outputs buffered, beyond the ring's 16").isGreaterThan(16);
		assertThat(taker.inOrder).as("outputs taken in order").isTrue();
		assertThat(taker.headersMatch).as("headers and receive times travel with their output").isTrue();
		assertThat(taker.taken).isEqualTo(OUTPUTS);
		assertThat(buffer.size()).isZero();
	}

	/**
	 * Takes outputs until told to finish and the buffer is empty, checking that each is
	 * greater than the one before.
	 */
	private static final class Taker implements Runnable {

		private final OutputBuffer buffer;

		private final AtomicBoolean finishing = new AtomicBoolean();

		long taken;

		long last;

		boolean inOrder = true;

		boolean headersMatch = true;

		int pauseEvery;

		Taker(OutputBuffer buffer) {
			this.buffer = buffer;
		}

		@Override
		public void run() {
			for (;;) {
				Object output = this.buffer.poll();
				if (output == null) {
					if (this.finishing.get() && this.buffer.isEmpty()) {
						return;
					}
					Thread.onSpinWait();
					continue;
				}
				long n = (Long) output;
				this.inOrder &= n > this.last;
				this.headersMatch &= this.buffer.polledReceivedAt() == n
						&& this.buffer.polledHeaders().equals((n % 3 == 0) ? Map.of("n", n) : Map.of());
				this.last = n;
				this.taken++;
				if (this.pauseEvery > 0 && this.taken % this.pauseEvery == 0) {
					// fall behind, so that the ring fills and outputs overflow
					Thread.yield();
				}
			}
		}

		void finish(CompletableFuture<Void> taking) throws Exception {
			this.finishing.set(true);
			taking.get(1, TimeUnit.MINUTES);
		}

	}

}
