package dev.exchangeintegration.listener;

import java.time.Duration;

import org.springframework.context.Lifecycle;

/**
 * The running side of one {@code @ExchangeListener} method: its subscription to the
 * exchange's stream, which can be stopped, started again, paused and resumed while the
 * stream runs. Found by listener id with
 * {@link ExchangeListenerEndpointRegistry#getListenerContainer(String)}. Thread-safe.
 */
public interface ExchangeListenerContainer extends Lifecycle {

	/**
	 * Subscribe the listener to the stream: it receives the outputs produced from now on.
	 * Does nothing if running.
	 */
	@Override
	void start();

	/**
	 * Unsubscribe the listener, first letting it handle what it has buffered, for at most
	 * the {@code exchange-integration.shutdown-timeout}. Outputs produced while stopped
	 * are not delivered to it. Does nothing if not running.
	 */
	@Override
	void stop();

	/**
	 * Unsubscribe the listener, first letting it handle what it has buffered, for at most
	 * {@code timeout}. Does nothing if not running.
	 * @param timeout how long to wait for the listener to drain
	 */
	void stop(Duration timeout);

	/**
	 * Return whether the listener is subscribed.
	 * @return whether running
	 */
	@Override
	boolean isRunning();

	/**
	 * Stop handing outputs to the listener while it stays subscribed: its buffer fills
	 * under its overflow policy (with {@code backpressure}, once it is full the stream
	 * stops reading, as for any full consumer, and that is reported). A direct listener
	 * has no buffer: pausing it pauses the transport. A container paused while stopped
	 * starts paused.
	 */
	void pause();

	/**
	 * Resume handing outputs to the listener, first what was buffered while paused, in
	 * order.
	 */
	void resume();

	/**
	 * Return whether the listener is paused.
	 * @return whether paused
	 */
	boolean isPaused();

	/**
	 * Return whether the container starts with the application, as the listener's
	 * {@code autoStartup} says.
	 * @return whether to start automatically
	 */
	boolean isAutoStartup();

	/**
	 * Return the listener's id.
	 * @return the id
	 */
	String getListenerId();

	/**
	 * Return the name of the exchange the listener listens to.
	 * @return the exchange name
	 */
	String getExchange();

	/**
	 * Return the number of outputs dropped for the listener so far, across its
	 * subscriptions.
	 * @return the count
	 */
	long getDroppedOutputs();

}
