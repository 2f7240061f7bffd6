package dev.exchangeintegration.core;

import org.jspecify.annotations.Nullable;

/**
 * Told of each consumer as it subscribes to a stream, and optionally times its
 * deliveries: from the read of a frame off the transport to the hand-over of its output
 * to the consumer. A stream without one does not read the clock per output.
 */
public interface ConsumerObserver {

	/**
	 * Called as a consumer subscribes, on the subscribing thread.
	 * @param exchange the exchange name
	 * @param consumer the consumer's name; several subscriptions may share one
	 * @return the timer of the consumer's deliveries, or {@code null} to time nothing
	 */
	@Nullable DeliveryTimer subscribed(String exchange, String consumer);

	/**
	 * Records delivery times. Called on the consumer's delivery thread, or the
	 * transport's for direct delivery, so it must not block.
	 */
	@FunctionalInterface
	interface DeliveryTimer {

		/**
		 * Record one delivery.
		 * @param nanos the time from the read of the frame to the hand-over of the output
		 */
		void record(long nanos);

	}

}
