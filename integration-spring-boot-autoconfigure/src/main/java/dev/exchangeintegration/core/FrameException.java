package dev.exchangeintegration.core;

/**
 * An error processing a frame whose origin the transport names, such as a Kafka record
 * that cannot be parsed: the message names the origin, the cause is the error.
 */
public class FrameException extends RuntimeException {

	private final String origin;

	/**
	 * Create a new instance.
	 * @param origin where the frame comes from, as {@link Frame#origin()} says
	 * @param cause the error
	 */
	public FrameException(String origin, Throwable cause) {
		super("Frame from " + origin + ": " + cause, cause);
		this.origin = origin;
	}

	/**
	 * Return where the frame comes from.
	 * @return the frame's origin
	 */
	public String getOrigin() {
		return this.origin;
	}

}
