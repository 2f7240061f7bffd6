package dev.exchangeintegration.core;

/**
 * Where in an exchange stream an error arose.
 */
public enum ErrorKind {

	/**
	 * A frame could not be parsed into the exchange message type.
	 */
	PARSE,

	/**
	 * The transformer threw for a message.
	 */
	TRANSFORM,

	/**
	 * The connection could not be opened or failed, or reconnection gave up.
	 */
	CONNECTION,

	/**
	 * The exchange closed the connection; the error carries the transport's close status.
	 */
	CLOSED,

	/**
	 * The exchange rejected a subscription or did not acknowledge it in time; the
	 * connection is replaced.
	 */
	SUBSCRIPTION,

	/**
	 * The connection did not open, went silent, or did not answer a ping in time; it is
	 * replaced.
	 */
	TIMEOUT,

	/**
	 * A consumer fell behind: its buffer filled up, and either outputs were dropped for
	 * it or, with {@link OverflowPolicy#BACKPRESSURE}, the stream has stopped reading for
	 * a while because of it.
	 */
	OVERFLOW,

	/**
	 * A listener method threw for an output.
	 */
	LISTENER,

	/**
	 * Frames could not be recorded: the recorder failed (a full disk, a file it may not
	 * write) or fell behind and left frames out. The stream goes on.
	 */
	RECORDING,

	/**
	 * The exchange rejected a message the client sent, such as a FIX Reject or
	 * MarketDataRequestReject, on a connection that goes on.
	 */
	REJECTED,

	/**
	 * A sink, such as a Kafka topic the outputs are written to, failed to take an output.
	 */
	SINK

}
