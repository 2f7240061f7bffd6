package dev.exchangeintegration.core;

/**
 * The kind of payload a {@link Frame} carries.
 */
public enum FrameType {

	/**
	 * UTF-8 text, such as a JSON document.
	 */
	TEXT,

	/**
	 * Opaque bytes.
	 */
	BINARY

}
