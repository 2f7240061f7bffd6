package dev.exchangeintegration.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

import dev.exchangeintegration.core.CloseStatus;
import dev.exchangeintegration.core.Transport;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * A transport that replays a capture: each connection reads the capture on a thread of
 * its own ({@code exchange-replay-NAME}) and hands its received frames to the stream, in
 * order, at the recorded pace divided by the speed, or as fast as the stream takes them
 * at speed {@code 0}. The frames the client sent are left out.
 * <p>
 * The stream's subscriptions are sent as the connection opens, before the first frame is
 * replayed, so the acknowledgements the capture holds find them pending, as on the wire.
 * They go nowhere: {@link #sent()} returns them. Reads pause and resume as the stream
 * asks, so that a slow consumer loses nothing. At the end of the capture, the replay
 * starts again when it loops; otherwise the connection ends with
 * {@link CloseStatus#END_OF_STREAM} and the stream completes.
 */
public final class ReplayTransport implements Transport {

	private static final int FRAMES_PER_READ = 256;

	private final String exchange;

	private final CaptureSource source;

	private final double speed;

	private final boolean loop;

	private final List<Object> sent = new CopyOnWriteArrayList<>();

	ReplayTransport(String exchange, CaptureSource source, double speed, boolean loop) {
		this.exchange = exchange;
		this.source = source;
		this.speed = speed;
		this.loop = loop;
	}

	/**
	 * Return a transport replaying a capture file.
	 * @param exchange the exchange name, for the thread's name
	 * @param capture the capture file
	 * @param speed {@code 1.0} for the recorded pace, {@code 0} for as fast as possible
	 * @param loop whether to start again at the end of the capture
	 * @return the transport
	 */
	public static ReplayTransport of(String exchange, Path capture, double speed, boolean loop) {
		return new ReplayTransport(exchange, CaptureSource.of(capture), speed, loop);
	}

	/**
	 * Return what the stream has sent on this transport's connections, in order.
	 * @return the messages sent
	 */
	public List<Object> sent() {
		return List.copyOf(this.sent);
	}

	@Override
	public Mono<CloseStatus> connect(Handler handler) {
		return Mono.create((sink) -> {
			Connection connection = new Connection(handler, sink);
			Thread thread = new Thread(connection::run, "exchange-replay-" + this.exchange);
			thread.setDaemon(true);
			connection.thread = thread;
			sink.onDispose(() -> connection.close("disposed"));
			thread.start();
		});
	}

	/**
	 * One pass, or loop, of the replay.
	 */
	private final class Connection implements Outbound {

		private final Handler handler;

		private final MonoSink<CloseStatus> sink;

		private volatile Thread thread = Thread.currentThread();

		private volatile boolean paused;

		private volatile String closeReason = "";

		private volatile boolean closed;

		Connection(Handler handler, MonoSink<CloseStatus> sink) {
			this.handler = handler;
			this.sink = sink;
		}

		void run() {
			try {
				this.handler.onOpen(this);
				do {
					replayOnce();
				}
				while (ReplayTransport.this.loop && !this.closed);
				this.sink.success(this.closed ? new CloseStatus(1000, this.closeReason) : CloseStatus.END_OF_STREAM);
			}
			catch (IOException | RuntimeException ex) {
				this.sink.error(ex);
			}
		}

		private void replayOnce() throws IOException {
			try (CaptureReader reader = CaptureReader.of(ReplayTransport.this.source.open(),
					ReplayTransport.this.source.name())) {
				double speed = ReplayTransport.this.speed;
				long start = System.nanoTime();
				long first = Long.MIN_VALUE;
				int unannounced = 0;
				while (!this.closed && reader.next()) {
					if (reader.sent()) {
						continue;
					}
					if (speed > 0) {
						first = (first == Long.MIN_VALUE) ? reader.epochMicros() : first;
						long due = start + (long) ((reader.epochMicros() - first) * 1000 / speed);
						if (due - System.nanoTime() > 0) {
							unannounced = readComplete(unannounced);
							parkUntil(due);
						}
					}
					if (this.paused) {
						unannounced = readComplete(unannounced);
						awaitResumed();
					}
					if (this.closed) {
						break;
					}
					this.handler.onFrame(reader.frame());
					if (++unannounced == FRAMES_PER_READ) {
						unannounced = readComplete(unannounced);
					}
				}
				readComplete(unannounced);
			}
		}

		private int readComplete(int frames) {
			if (frames > 0) {
				this.handler.onReadComplete();
			}
			return 0;
		}

		private void parkUntil(long due) {
			for (long left = due - System.nanoTime(); left > 0 && !this.closed; left = due - System.nanoTime()) {
				LockSupport.parkNanos(this, left);
			}
		}

		private void awaitResumed() {
			while (this.paused && !this.closed) {
				LockSupport.park(this);
			}
		}

		@Override
		public void send(Object message) {
			if (!(message instanceof String) && !(message instanceof byte[])) {
				throw new IllegalArgumentException(
						"A replay takes String and byte[] messages, not " + message.getClass().getName());
			}
			if (this.closed) {
				throw new IllegalStateException(
						"The replay of exchange '" + ReplayTransport.this.exchange + "' has ended");
			}
			ReplayTransport.this.sent.add(message);
		}

		@Override
		public void ping() {
			// a replay answers no pings; its frames are its signs of life
		}

		@Override
		public void pauseReading() {
			this.paused = true;
		}

		@Override
		public void resumeReading() {
			this.paused = false;
			LockSupport.unpark(this.thread);
		}

		@Override
		public void close(String reason) {
			this.closeReason = reason;
			this.closed = true;
			LockSupport.unpark(this.thread);
		}

	}

}
