package dev.exchangeintegration.core;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The settings of a stream that its connections apply.
 *
 * @param name the exchange name
 * @param reconnect how to reconnect
 * @param subscriptionAck how subscriptions are acknowledged, if they are
 * @param heartbeat the keep-alive pings, if any
 * @param staleTimeout the time after which a connection with no data frame is replaced,
 * if any
 * @param connectTimeout the time allowed for a connection to open, if limited
 * @param liveOnData whether a connection that sent subscriptions without expecting
 * acknowledgements is subscribing until its first data frame
 */
record StreamSettings(String name, ReconnectSpec reconnect, @Nullable SubscriptionAckSpec subscriptionAck,
		@Nullable HeartbeatSpec heartbeat, @Nullable Duration staleTimeout, @Nullable Duration connectTimeout,
		boolean liveOnData) {

	/**
	 * Return whether a lost connection is replaced.
	 */
	boolean reconnects() {
		return this.reconnect.enabled() && this.reconnect.maxAttempts() > 0;
	}

	private static final Duration MIN_TICK = Duration.ofMillis(10);

	private static final Duration MAX_TICK = Duration.ofSeconds(1);

	/**
	 * Return whether connections must note when data last arrived.
	 */
	boolean tracksActivity() {
		return this.staleTimeout != null || this.subscriptionAck != null;
	}

	/**
	 * Return the tick of a connection's watchdog: a fifth of the shortest timeout, so
	 * that each fires at most 20% late, between 10 ms and 1 s; none when there is no
	 * timeout.
	 */
	@Nullable Duration watchdogTick() {
		Duration shortest = shortest(this.connectTimeout, this.staleTimeout);
		if (this.subscriptionAck != null) {
			shortest = shortest(shortest, this.subscriptionAck.timeout());
		}
		if (this.heartbeat != null) {
			shortest = shortest(shortest, this.heartbeat.pongTimeout());
		}
		if (shortest == null) {
			return null;
		}
		Duration tick = shortest.dividedBy(5);
		return (tick.compareTo(MIN_TICK) < 0) ? MIN_TICK : (tick.compareTo(MAX_TICK) > 0) ? MAX_TICK : tick;
	}

	private static @Nullable Duration shortest(@Nullable Duration first, @Nullable Duration second) {
		if (first == null) {
			return second;
		}
		return (second == null || first.compareTo(second) <= 0) ? first : second;
	}

}
