package dev.exchangeintegration.core;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Keep-alive pings sent by an exchange stream, and how to recognise the answers.
 *
 * @param interval time between two pings, positive
 * @param message an application-level ping text, such as {@code {"op":"ping"}}; when
 * {@code null}, a protocol ping (a WebSocket Ping frame) is sent
 * @param pongPattern a regular expression matching application-level pongs, or
 * {@code null}; text frames of at most {@value #MAX_PONG_LENGTH} bytes in which it is
 * found are consumed by the stream and never reach the parser. Protocol pongs never reach
 * it either.
 * @param pongTimeout how long a ping may go unanswered before the connection is replaced,
 * or {@code null} to never time out
 */
public record HeartbeatSpec(Duration interval, @Nullable String message, @Nullable Pattern pongPattern,
		@Nullable Duration pongTimeout) {

	/**
	 * Largest text frame, in bytes, tested against {@link #pongPattern()}:
	 * {@value}. Bounding it keeps data frames from being decoded to text for the test.
	 */
	public static final int MAX_PONG_LENGTH = 256;

	/**
	 * Create the settings. The durations are not checked here: the Boot layer checks the
	 * configuration they come from, naming the property; a programmatic caller passes
	 * positive ones.
	 * @param interval time between two pings
	 * @param message the application-level ping, or {@code null}
	 * @param pongPattern the pattern of application-level pongs, or {@code null}
	 * @param pongTimeout the pong timeout, or {@code null}
	 */
	public HeartbeatSpec {
		Objects.requireNonNull(interval, "interval");
	}

}
