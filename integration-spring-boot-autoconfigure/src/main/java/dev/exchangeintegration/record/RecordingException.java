package dev.exchangeintegration.record;

/**
 * Frames of an exchange could not be recorded: the capture file could not be written, or
 * the writer fell behind and frames were left out. Reported as a {@code RECORDING} error;
 * the stream goes on.
 */
public class RecordingException extends RuntimeException {

	private final long unrecorded;

	/**
	 * Create a new exception.
	 * @param message what happened, naming the exchange
	 * @param unrecorded the frames left out of the recording so far
	 * @param cause the I/O failure, if any
	 */
	public RecordingException(String message, long unrecorded, Throwable cause) {
		super(message, cause);
		this.unrecorded = unrecorded;
	}

	/**
	 * Create a new exception.
	 * @param message what happened, naming the exchange
	 * @param unrecorded the frames left out of the recording so far
	 */
	public RecordingException(String message, long unrecorded) {
		super(message);
		this.unrecorded = unrecorded;
	}

	/**
	 * Return how many frames of the exchange were left out of the recording so far.
	 * @return the number of frames not recorded
	 */
	public long getUnrecorded() {
		return this.unrecorded;
	}

}
