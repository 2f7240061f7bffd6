package dev.exchangeintegration.core;

import java.time.Duration;

import reactor.core.Disposable;

/**
 * One consumer attached to an {@link ExchangeStream} with
 * {@link ExchangeStream#subscribe(ConsumerSpec, OutputHandler)}. Thread-safe.
 */
public interface OutputSubscription extends Disposable {

	/**
	 * Return the consumer's name.
	 * @return the name
	 */
	String name();

	/**
	 * Stop handing outputs to the handler. The consumer keeps buffering under its
	 * overflow policy: with {@link OverflowPolicy#BACKPRESSURE}, once its buffer is full
	 * the stream stops reading, as for any full consumer, and that is reported. Does
	 * nothing for direct delivery, which has no buffer, beyond pausing the transport.
	 */
	void pause();

	/**
	 * Resume handing outputs to the handler, starting with what was buffered.
	 */
	void resume();

	/**
	 * Return whether the consumer is paused.
	 * @return whether paused
	 */
	boolean isPaused();

	/**
	 * Return the number of outputs dropped for this consumer so far.
	 * @return the count
	 */
	long dropped();

	/**
	 * Return the number of outputs buffered for this consumer, not yet handled.
	 * @return the count
	 */
	int buffered();

	/**
	 * Stop taking new outputs, wait at most {@code timeout} for the handler to finish
	 * those already buffered, then dispose of the subscription.
	 * @param timeout how long to wait
	 * @return whether everything buffered was handled in time
	 */
	boolean drainAndDispose(Duration timeout);

}
