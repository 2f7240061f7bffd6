package dev.exchangeintegration.core;

import java.time.Duration;
import java.util.Objects;

import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * When and how fast an exchange stream reconnects: exponential backoff with jitter and a
 * cap, using Reactor's {@link Retry#backoff(long, Duration)}. The attempt counter resets
 * once a connection has delivered data, so a normal disconnect reconnects after
 * {@code initialBackoff} again.
 *
 * @param enabled whether to reconnect at all; {@code true} by default
 * @param initialBackoff the delay before the first reconnection attempt, positive so that
 * it can grow; 500 ms by default
 * @param maxBackoff the cap on the delay, at least {@code initialBackoff}; 30 s by
 * default
 * @param multiplier the factor the delay grows by after each failed attempt, at least 1;
 * 2 by default
 * @param jitter the random share of each delay, between 0 and 1; 0.5 by default, so a
 * delay of 1 s becomes 0.5 to 1.5 s
 * @param maxAttempts consecutive failed attempts after which the stream gives up, 0 or
 * more; {@link Long#MAX_VALUE} (unbounded) by default
 */
public record ReconnectSpec(boolean enabled, Duration initialBackoff, Duration maxBackoff, double multiplier,
		double jitter, long maxAttempts) {

	/**
	 * The defaults.
	 */
	public static final ReconnectSpec DEFAULTS = new ReconnectSpec(true, Duration.ofMillis(500), Duration.ofSeconds(30),
			2, 0.5, Long.MAX_VALUE);

	/**
	 * No reconnection: the stream completes when its connection ends.
	 */
	public static final ReconnectSpec DISABLED = new ReconnectSpec(false, Duration.ofMillis(500),
			Duration.ofSeconds(30), 2, 0.5, 0);

	/**
	 * Create the settings. Their ranges are not checked here: the Boot layer checks the
	 * configuration they come from, naming the property; a programmatic caller keeps to
	 * the ranges documented on each component.
	 * @param enabled whether to reconnect
	 * @param initialBackoff the first delay
	 * @param maxBackoff the cap on the delay
	 * @param multiplier the growth factor
	 * @param jitter the random share of each delay
	 * @param maxAttempts the attempts after which to give up
	 */
	public ReconnectSpec {
		Objects.requireNonNull(initialBackoff, "initialBackoff");
		Objects.requireNonNull(maxBackoff, "maxBackoff");
	}

	/**
	 * Return the Reactor retry spec of these settings.
	 * @return the retry spec
	 */
	public RetryBackoffSpec toRetry() {
		return Retry.backoff(this.enabled ? this.maxAttempts : 0, this.initialBackoff)
			.maxBackoff(this.maxBackoff)
			.multiplier(this.multiplier)
			.jitter(this.jitter)
			.transientErrors(true);
	}

}
