package dev.exchangeintegration.record;

import dev.exchangeintegration.core.CloseStatus;
import dev.exchangeintegration.core.DeliveryCheckpoint;
import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.core.Frame;
import dev.exchangeintegration.core.Transport;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A transport that records the frames of another: each frame received, before the stream
 * handles it, and each message sent, once the transport has taken it. Works with any
 * transport, as it only sits between the transport and the stream.
 */
final class RecordingTransport implements Transport {

	private final Transport delegate;

	private final FrameRecorder recorder;

	RecordingTransport(Transport delegate, FrameRecorder recorder) {
		this.delegate = delegate;
		this.recorder = recorder;
	}

	@Override
	public Mono<CloseStatus> connect(Handler handler) {
		return this.delegate.connect(new RecordingHandler(handler));
	}

	private final class RecordingHandler implements Handler {

		private final Handler handler;

		RecordingHandler(Handler handler) {
			this.handler = handler;
		}

		@Override
		public void onOpen(Outbound outbound) {
			this.handler.onOpen(new RecordingOutbound(outbound));
		}

		@Override
		public void onFrame(Frame frame) {
			RecordingTransport.this.recorder.received(frame);
			this.handler.onFrame(frame);
		}

		@Override
		public void onPong() {
			this.handler.onPong();
		}

		@Override
		public void onReadComplete() {
			this.handler.onReadComplete();
		}

		@Override
		public DeliveryCheckpoint checkpoint() {
			return this.handler.checkpoint();
		}

		@Override
		public void onError(ErrorKind kind, Throwable error, @Nullable String excerpt) {
			this.handler.onError(kind, error, excerpt);
		}

	}

	private final class RecordingOutbound implements Outbound {

		private final Outbound outbound;

		RecordingOutbound(Outbound outbound) {
			this.outbound = outbound;
		}

		@Override
		public void send(Object message) {
			long sentAt = FrameRecorder.epochMicros();
			this.outbound.send(message);
			RecordingTransport.this.recorder.sent(message, sentAt);
		}

		@Override
		public void ping() {
			this.outbound.ping();
		}

		@Override
		public void pauseReading() {
			this.outbound.pauseReading();
		}

		@Override
		public void resumeReading() {
			this.outbound.resumeReading();
		}

		@Override
		public void close(String reason) {
			this.outbound.close(reason);
		}

	}

}
