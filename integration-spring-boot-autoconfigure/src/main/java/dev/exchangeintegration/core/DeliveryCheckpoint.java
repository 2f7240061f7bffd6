package dev.exchangeintegration.core;

/**
 * A point in a stream's outputs, taken by {@link Transport.Handler#checkpoint()}: it is
 * reached once every output produced before it has been handed to each consumer that
 * received it (its handler has returned) or dropped by that consumer's overflow policy. A
 * consumer that ends meanwhile no longer holds it back.
 */
@FunctionalInterface
public interface DeliveryCheckpoint {

	/**
	 * A checkpoint that is always reached.
	 */
	DeliveryCheckpoint REACHED = () -> true;

	/**
	 * Return whether the checkpoint has been reached. Cheap, and may be called from any
	 * thread.
	 * @return whether every output before it has been handed over
	 */
	boolean isReached();

}
