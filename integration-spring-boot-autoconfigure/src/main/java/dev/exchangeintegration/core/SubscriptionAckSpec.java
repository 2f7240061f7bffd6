package dev.exchangeintegration.core;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonPointer;

/**
 * How to recognise the exchange's acknowledgement of each subscription. Every
 * subscription sent as a connection opens expects one acknowledgement; the connection is
 * {@code LIVE} once all have arrived. While any is pending, acknowledgements and
 * rejections are consumed by the stream and never reach the parser; data frames that
 * arrive before them are delivered as usual. Subscriptions added at runtime are
 * acknowledged on later connections only: on the current one, their acknowledgement
 * reaches the parser.
 *
 * @param idPointer a JSON pointer, such as {@code /id}: a frame acknowledges the
 * subscription whose value at the same pointer is equal. Exclusive with {@code pattern}.
 * @param pattern a regular expression: each frame in which it is found acknowledges the
 * oldest unacknowledged subscription. Exclusive with {@code idPointer}.
 * @param rejectionPattern a regular expression found in the exchange's error responses,
 * or {@code null}; a match while subscribing fails the connection
 * @param timeout how long to wait for the next frame while acknowledgements are pending,
 * re-armed on every frame, positive; 10 s by default
 */
public record SubscriptionAckSpec(@Nullable JsonPointer idPointer, @Nullable Pattern pattern,
		@Nullable Pattern rejectionPattern, Duration timeout) {

	/**
	 * Default {@link #timeout()}: 10 s.
	 */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * Create the settings. They are not checked here: the Boot layer checks the
	 * configuration they come from, naming the property; a programmatic caller sets
	 * exactly one of {@code idPointer} and {@code pattern}, and a positive timeout.
	 * @param idPointer the pointer to the id, or {@code null}
	 * @param pattern the acknowledgement pattern, or {@code null}
	 * @param rejectionPattern the rejection pattern, or {@code null}
	 * @param timeout the inactivity timeout
	 */
	public SubscriptionAckSpec {
		Objects.requireNonNull(timeout, "timeout");
	}

}
