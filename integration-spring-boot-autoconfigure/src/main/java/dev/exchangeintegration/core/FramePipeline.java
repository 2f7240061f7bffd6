package dev.exchangeintegration.core;

import java.util.function.Consumer;

/**
 * Parses a frame, transforms the message and hands the outputs to the consumers,
 * reporting parse and transform errors as values. Called for one frame at a time.
 *
 * @param <I> the exchange message type
 * @param <O> the output type
 */
final class FramePipeline<I, O> {

	private final ProtocolParser<I> parser;

	private final Transformer<I, O> transformer;

	private final Outputs<O> outputs;

	private final ExchangeStreamObserver observer;

	private final String exchange;

	private final StreamStatistics statistics;

	FramePipeline(ProtocolParser<I> parser, Transformer<I, O> transformer, Outputs<O> outputs,
			ExchangeStreamObserver observer, StreamStatistics statistics) {
		this.statistics = statistics;
		this.parser = parser;
		this.transformer = transformer;
		this.outputs = outputs;
		this.observer = observer;
		this.exchange = outputs.exchange();
	}

	/**
	 * Process one frame.
	 * @param frame the frame, only valid during this call
	 * @param receivedAt when it was read, as {@link System#nanoTime()}
	 */
	void process(Frame frame, long receivedAt) {
		this.statistics.frame(frame.length(), receivedAt);
		I input;
		try {
			input = this.parser.parse(frame);
		}
		catch (Exception ex) {
			report(ErrorKind.PARSE, ex, frame);
			return;
		}
		if (input == null) {
			return;
		}
		Consumer<O> out = this.outputs.beginFrame(receivedAt, frame.headers());
		try {
			this.transformer.transform(input, out);
		}
		catch (Exception ex) {
			report(ErrorKind.TRANSFORM, ex, frame);
		}
	}

	/**
	 * Return a checkpoint of the outputs of the frames processed so far.
	 */
	DeliveryCheckpoint checkpoint() {
		return this.outputs.checkpoint();
	}

	/**
	 * The frames of one read have all been processed.
	 */
	void onReadComplete() {
		this.outputs.endOfRead();
	}

	private void report(ErrorKind kind, Exception ex, Frame frame) {
		String origin = frame.origin();
		Throwable cause = (origin != null) ? new FrameException(origin, ex) : ex;
		this.observer.onError(new ExchangeError(this.exchange, kind, cause, frame.excerpt()));
	}

}
