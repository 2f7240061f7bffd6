package dev.exchangeintegration.kafka;

/**
 * Where a {@code kafka} exchange starts reading a partition the first time it is assigned
 * one; afterwards, as after a reconnect, it goes on from its committed offset.
 */
public enum KafkaStart {

	/**
	 * From the partition's first record: the whole topic is read again.
	 */
	EARLIEST,

	/**
	 * From the records written after the assignment.
	 */
	LATEST,

	/**
	 * From the group's committed offset, and as {@code auto.offset.reset} says for a
	 * partition without one.
	 */
	COMMITTED

}
