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
	 * The connection could not be opened or failed.
	 */
	CONNECTION,

	/**
	 * The exchange closed the connection.
	 */
	CLOSED,

	/**
	 * A consumer fell behind: its buffer overflowed and an output was dropped for it.
	 */
	OVERFLOW,

	/**
	 * A listener method threw for an output.
	 */
	LISTENER

}
