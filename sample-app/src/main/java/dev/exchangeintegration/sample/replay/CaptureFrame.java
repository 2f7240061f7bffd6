package dev.exchangeintegration.sample.replay;

import java.time.Duration;

/**
 * One frame of a {@link Capture}: its text and when it was received, as an offset from
 * the first frame of the sequence it belongs to.
 *
 * @param offset time elapsed since the first frame, never negative
 * @param text the frame text, exactly as captured
 */
public record CaptureFrame(Duration offset, String text) {

}
