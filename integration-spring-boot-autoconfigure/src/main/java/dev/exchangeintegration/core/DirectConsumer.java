package dev.exchangeintegration.core;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;

/**
 * A consumer delivered on the transport's thread, inside the processing of each frame,
 * with no buffer: the transport reads only as fast as the handler returns. Pausing it
 * pauses the transport's reads; the outputs of frames already read are still handed over.
 *
 * @param <O> the output type
 */
final class DirectConsumer<O> implements Receiver<O>, OutputSubscription {

	private final Outputs<O> outputs;

	private final String name;

	private final OutputHandler<? super O> handler;

	private final ReadGate.Hold hold;

	private final ConsumerObserver.@Nullable DeliveryTimer deliveryTimer;

	private volatile boolean paused;

	private volatile boolean disposed;

	DirectConsumer(Outputs<O> outputs, String name, OutputHandler<? super O> handler) {
		this.outputs = outputs;
		this.name = name;
		this.handler = handler;
		// a deliberate pause is not an overflow: nothing to report
		this.hold = outputs.gate().newHold(name, 0);
		this.deliveryTimer = outputs.deliveryTimer(name);
	}

	@Override
	public void receive(O output, long receivedAt, Map<String, Object> headers) {
		if (this.disposed) {
			return;
		}
		if (this.paused) {
			// a new connection reads until a paused consumer is handed an output
			this.outputs.gate().ensurePaused();
		}
		ConsumerObserver.DeliveryTimer timer = this.deliveryTimer;
		if (timer != null) {
			timer.record(System.nanoTime() - this.outputs.frameContext().receivedAtNanos());
		}
		try {
			// the frame's context, set once per frame by the stream
			this.handler.onOutput(output, this.outputs.frameContext());
		}
		catch (Throwable ex) {
			Exceptions.throwIfJvmFatal(ex);
			this.outputs.report(ErrorKind.LISTENER, ex);
		}
	}

	@Override
	public void complete() {
		this.outputs.gate().release(this.hold);
	}

	@Override
	public ConsumerStatus status() {
		return new ConsumerStatus(this.name, "direct", 0, 0, this.paused);
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public synchronized void pause() {
		if (!this.disposed) {
			this.paused = true;
			this.outputs.gate().hold(this.hold);
		}
	}

	@Override
	public synchronized void resume() {
		this.paused = false;
		this.outputs.gate().release(this.hold);
	}

	@Override
	public boolean isPaused() {
		return this.paused;
	}

	@Override
	public long dropped() {
		return 0;
	}

	@Override
	public int buffered() {
		return 0;
	}

	@Override
	public boolean drainAndDispose(Duration timeout) {
		dispose();
		return true;
	}

	@Override
	public synchronized void dispose() {
		this.disposed = true;
		this.outputs.remove(this);
		this.outputs.gate().release(this.hold);
	}

	@Override
	public boolean isDisposed() {
		return this.disposed;
	}

}
