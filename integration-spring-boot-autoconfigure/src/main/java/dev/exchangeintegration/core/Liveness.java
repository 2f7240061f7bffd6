package dev.exchangeintegration.core;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The signs of life of one connection, and which of its timeouts has elapsed: the
 * connection not opening, the exchange acknowledging no subscription, no data frame, no
 * answer to a ping. Updated from the transport's thread and the timer, so every field is
 * volatile.
 * <p>
 * While the connection's reads are paused for a consumer that is behind, silence is the
 * stream's own doing: that time counts as activity.
 */
final class Liveness {

	private final StreamSettings settings;

	private final long startedAt = System.nanoTime();

	private volatile long lastDataAt = this.startedAt;

	private volatile long unansweredPingSince;

	private volatile boolean readsPaused;

	Liveness(StreamSettings settings) {
		this.settings = settings;
	}

	void dataAt(long nanoTime) {
		this.lastDataAt = nanoTime;
	}

	/**
	 * A ping was sent: it is unanswered from now on, unless an earlier one still is.
	 */
	void pinged() {
		if (this.unansweredPingSince == 0) {
			this.unansweredPingSince = System.nanoTime();
		}
	}

	void ponged() {
		this.unansweredPingSince = 0;
	}

	boolean awaitsPong() {
		return this.unansweredPingSince != 0;
	}

	void readsPaused(boolean paused) {
		this.readsPaused = paused;
	}

	boolean readsPaused() {
		return this.readsPaused;
	}

	/**
	 * Return what has timed out, if anything.
	 * @param open whether the connection has opened
	 * @param subscribing whether acknowledgements are pending
	 * @param now the current {@link System#nanoTime()}
	 */
	@Nullable Expired check(boolean open, boolean subscribing, long now) {
		if (!open) {
			return elapsed(this.settings.connectTimeout(), now - this.startedAt) ? Expired.CONNECT : null;
		}
		if (this.readsPaused) {
			this.lastDataAt = now;
			if (this.unansweredPingSince != 0) {
				this.unansweredPingSince = now;
			}
			return null;
		}
		SubscriptionAckSpec ack = this.settings.subscriptionAck();
		if (subscribing && ack != null && elapsed(ack.timeout(), now - this.lastDataAt)) {
			return Expired.SUBSCRIPTION;
		}
		if (elapsed(this.settings.staleTimeout(), now - this.lastDataAt)) {
			return Expired.STALE;
		}
		HeartbeatSpec heartbeat = this.settings.heartbeat();
		long pingSince = this.unansweredPingSince;
		if (heartbeat != null && pingSince != 0 && elapsed(heartbeat.pongTimeout(), now - pingSince)) {
			return Expired.PONG;
		}
		return null;
	}

	private static boolean elapsed(@Nullable Duration timeout, long nanos) {
		return timeout != null && nanos >= timeout.toNanos();
	}

	/**
	 * What a connection waited for in vain.
	 */
	enum Expired {

		CONNECT, SUBSCRIPTION, STALE, PONG

	}

}
