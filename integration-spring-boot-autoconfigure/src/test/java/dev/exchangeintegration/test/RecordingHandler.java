package dev.exchangeintegration.test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.exchangeintegration.core.OutputContext;
import dev.exchangeintegration.core.OutputHandler;

/**
 * Records the outputs it is handed, the thread and the context of each; it can be made to
 * block on its first output until released.
 */
public final class RecordingHandler implements OutputHandler<Long> {

	private final List<Long> outputs = Collections.synchronizedList(new ArrayList<>());

	private final List<String> threads = Collections.synchronizedList(new ArrayList<>());

	private final List<Instant[]> times = Collections.synchronizedList(new ArrayList<>());

	private final CountDownLatch released;

	private volatile boolean interrupted;

	private RecordingHandler(boolean blocked) {
		this.released = new CountDownLatch(blocked ? 1 : 0);
	}

	/**
	 * Return a handler that records and returns at once.
	 * @return the handler
	 */
	public static RecordingHandler recording() {
		return new RecordingHandler(false);
	}

	/**
	 * Return a handler that blocks on its first output until {@link #release()}.
	 * @return the handler
	 */
	public static RecordingHandler blockedOnFirst() {
		return new RecordingHandler(true);
	}

	@Override
	public void onOutput(Long output, OutputContext context) throws InterruptedException {
		this.times.add(new Instant[] { context.receivedAt(), Instant.now() });
		this.threads.add(Thread.currentThread().getName());
		this.outputs.add(output);
		try {
			if (!this.released.await(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Not released within 60 s");
			}
		}
		catch (InterruptedException ex) {
			this.interrupted = true;
			throw ex;
		}
	}

	public void release() {
		this.released.countDown();
	}

	/**
	 * Return a copy of the outputs handled so far, in order.
	 * @return the outputs
	 */
	public List<Long> outputs() {
		synchronized (this.outputs) {
			return List.copyOf(this.outputs);
		}
	}

	public int count() {
		return this.outputs.size();
	}

	public List<String> threads() {
		synchronized (this.threads) {
			return List.copyOf(this.threads);
		}
	}

	/**
	 * Return, for each output, when its frame was received and when it was handled.
	 * @return the pairs of instants
	 */
	public List<Instant[]> times() {
		synchronized (this.times) {
			return List.copyOf(this.times);
		}
	}

	public boolean wasInterrupted() {
		return this.interrupted;
	}

}
