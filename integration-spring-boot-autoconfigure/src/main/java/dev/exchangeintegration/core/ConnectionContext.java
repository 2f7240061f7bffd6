package dev.exchangeintegration.core;

import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link StreamConnection} needs of its stream: the settings, where to report,
 * where its frames go and the subscriptions to send. Keeps the connection ignorant of how
 * the stream is built.
 */
interface ConnectionContext {

	/**
	 * Return the stream's settings.
	 */
	StreamSettings settings();

	/**
	 * Return whether the stream is stopping, so that a connection that ends is not
	 * replaced.
	 */
	boolean isStopping();

	/**
	 * Report an error of a connection.
	 */
	void report(ErrorKind kind, Throwable cause, @Nullable String excerpt, @Nullable CloseStatus closeStatus);

	/**
	 * Change the stream's state on behalf of a connection, unless it is no longer the
	 * current one or the stream has stopped.
	 */
	void changeState(StreamConnection connection, ConnectionState next, @Nullable Throwable cause);

	/**
	 * Process a data frame of a connection, unless it is no longer the current one.
	 * @param receivedAt the {@link System#nanoTime()} at which the frame was read
	 */
	void onFrame(StreamConnection connection, Frame frame, long receivedAt);

	/**
	 * Return a checkpoint of the outputs of the frames processed so far.
	 */
	DeliveryCheckpoint checkpoint(StreamConnection connection);

	/**
	 * The frames of one read of a connection have all been processed.
	 */
	void onReadComplete(StreamConnection connection);

	/**
	 * Run {@code action} with the subscriptions to send on a new connection, holding the
	 * lock that adding a subscription holds: a subscription added meanwhile is either
	 * among those given or sent by the stream on the connection once it is open, never
	 * both.
	 */
	void withSubscriptions(Consumer<List<Object>> action);

}
