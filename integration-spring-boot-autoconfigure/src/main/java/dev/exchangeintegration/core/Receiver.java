package dev.exchangeintegration.core;

import java.util.Map;

/**
 * One consumer as the stream's delivery sees it. {@link #receive} is called on the
 * transport's thread, for one frame at a time, never concurrently.
 *
 * @param <O> the output type
 */
interface Receiver<O> {

	/**
	 * Take one output.
	 * @param output the output
	 * @param receivedAt the {@link System#nanoTime()} at which its frame was read
	 * @param headers its frame's headers, empty for most transports
	 */
	void receive(O output, long receivedAt, Map<String, Object> headers);

	/**
	 * The frames of one read have all been processed: wake the consumer's delivery if it
	 * waits. Called on the transport's thread, after a full fence.
	 */
	default void endOfRead() {
	}

	/**
	 * Return how many outputs the consumer has been offered so far, for a
	 * {@link DeliveryCheckpoint}; called on the transport's thread. {@code -1}, the
	 * default, for a consumer that has handled each output by the time {@link #receive}
	 * returns.
	 */
	default long offered() {
		return -1;
	}

	/**
	 * Return whether the first {@code offered} outputs have been handed to the consumer
	 * (its handler has returned) or dropped, or the consumer has ended. May be called
	 * from any thread.
	 * @param offered what {@link #offered()} returned
	 */
	default boolean handedOver(long offered) {
		return true;
	}

	/**
	 * The stream has stopped: deliver what is buffered, then end.
	 */
	void complete();

	/**
	 * Return a snapshot of the consumer.
	 */
	ConsumerStatus status();

	/**
	 * Wait until the consumer has ended, after {@link #complete()}.
	 * @param deadline the {@link System#nanoTime()} to wait until at most
	 * @return whether it ended in time
	 */
	default boolean awaitEnd(long deadline) {
		return true;
	}

	/**
	 * End at once, dropping what is buffered; called when it did not end in time.
	 */
	default void abort() {
	}

}
