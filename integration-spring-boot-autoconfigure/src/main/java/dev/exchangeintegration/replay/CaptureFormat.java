package dev.exchangeintegration.replay;

/**
 * The formats a {@link CaptureReader} reads, told apart by their first line.
 */
public enum CaptureFormat {

	/**
	 * This library's own format, written by {@link CaptureWriter}: a header line
	 * {@code #exchange-integration-capture v1 SOURCE}, then for each frame a line
	 * {@code EPOCH_MICROS DIRECTION TYPE LENGTH} ({@code <} received, {@code >} sent;
	 * {@code t} text, {@code b} binary) followed by the payload's {@code LENGTH} bytes,
	 * as they were, and a newline.
	 */
	NATIVE,

	/**
	 * cryptofeed's raw capture format: a header line {@code URL <-> CONNECT_TIME}, then
	 * one line per received text frame, {@code EPOCH_SECONDS: PAYLOAD}.
	 */
	CRYPTOFEED

}
