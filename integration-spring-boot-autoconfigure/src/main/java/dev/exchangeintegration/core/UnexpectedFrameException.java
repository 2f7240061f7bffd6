package dev.exchangeintegration.core;

/**
 * A frame of a type the parser does not accept, such as a binary frame where JSON text
 * was expected.
 */
public class UnexpectedFrameException extends RuntimeException {

	/**
	 * Create a new instance.
	 * @param frame the frame
	 */
	public UnexpectedFrameException(Frame frame) {
		super("Unexpected " + frame.type().name().toLowerCase() + " frame of " + frame.length()
				+ " bytes where text was expected; use a byte[] transformer input to receive binary frames");
	}

}
