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
 */
record StreamSettings(String name, ReconnectSpec reconnect, @Nullable SubscriptionAckSpec subscriptionAck,
		@Nullable HeartbeatSpec heartbeat, @Nullable Duration staleTimeout, @Nullable Duration connectTimeout) {

	/**
	 * Return whether a lost connection is replaced.
	 */
	boolean reconnects() {
		return this.reconnect.enabled() && this.reconnect.maxAttempts() > 0;
	}

	/**
	 * Return whether connections must note when data last arrived.
	 */
	boolean tracksActivity() {
		return this.staleTimeout != null || this.subscriptionAck != null;
	}

}
