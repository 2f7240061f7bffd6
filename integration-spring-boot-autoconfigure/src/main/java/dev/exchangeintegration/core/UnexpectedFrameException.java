package dev.exchangeintegration.core;

/**
 * A frame the parser does not accept: a binary frame where JSON text was expected, or a
 * text frame that is not valid UTF-8.
 */
public class UnexpectedFrameException extends RuntimeException {

	/**
	 * Create a new instance for a binary frame where text was expected.
	 * @param frame the frame
	 */
	public UnexpectedFrameException(Frame frame) {
		this("Unexpected " + frame.type().name().toLowerCase() + " frame of " + frame.length()
				+ " bytes where text was expected; use a byte[] transformer input to receive binary frames");
	}

	/**
	 * Create a new instance.
	 * @param message what was unexpected
	 */
	public UnexpectedFrameException(String message) {
		super(message);
	}

	/**
	 * Create the exception for a text frame whose payload is not valid UTF-8.
	 * @param length the payload size in bytes
	 * @return the exception
	 */
	public static UnexpectedFrameException invalidUtf8(int length) {
		return new UnexpectedFrameException("Text frame of " + length + " bytes is not valid UTF-8");
	}

}
