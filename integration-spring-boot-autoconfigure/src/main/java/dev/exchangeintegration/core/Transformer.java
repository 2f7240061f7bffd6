package dev.exchangeintegration.core;

import java.util.function.Consumer;

/**
 * Turns each message of an exchange into zero or more outputs of the application's own
 * data model.
 * <p>
 * A transformer may keep state between messages: it is invoked for one exchange
 * connection at a time, in arrival order, never concurrently. It runs on the transport's
 * I/O thread, so it must not block.
 *
 * @param <I> the exchange message type the protocol parser produces
 * @param <O> the output type delivered to listeners and subscribers
 */
@FunctionalInterface
public interface Transformer<I, O> {

	/**
	 * Transform one message.
	 * <p>
	 * Outputs passed to {@code out} before an exception is thrown are delivered; the
	 * exception is then reported as an error for this input only, and the stream goes on
	 * with the next message.
	 * @param input the parsed exchange message
	 * @param out receives the outputs, in order; only valid during this call
	 * @throws Exception to report an error for this input
	 */
	void transform(I input, Consumer<? super O> out) throws Exception;

}
