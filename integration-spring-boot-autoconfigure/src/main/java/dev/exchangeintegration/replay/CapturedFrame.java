package dev.exchangeintegration.replay;

import java.nio.charset.StandardCharsets;

import dev.exchangeintegration.core.FrameType;

/**
 * A frame of a capture, copied out of it.
 *
 * @param epochMicros when the frame was received (or sent), in microseconds since the
 * epoch
 * @param sent whether the client sent the frame, rather than received it
 * @param type whether the payload is text or binary
 * @param payload the payload bytes, exactly as captured
 */
public record CapturedFrame(long epochMicros, boolean sent, FrameType type, byte[] payload) {

	/**
	 * Return the payload decoded as UTF-8.
	 * @return the payload text
	 */
	public String text() {
		return new String(this.payload, StandardCharsets.UTF_8);
	}

}
