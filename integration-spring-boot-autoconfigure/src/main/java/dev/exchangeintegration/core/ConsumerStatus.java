package dev.exchangeintegration.core;

/**
 * A snapshot of one consumer of a stream.
 *
 * @param name the consumer's name, such as a listener id, a sink's name or {@code flux-1}
 * @param delivery how it is delivered: {@code direct}, {@code isolated} or {@code flux}
 * @param buffered the outputs buffered for it, not yet handed over
 * @param dropped the outputs dropped for this subscription so far
 * @param paused whether it is paused
 */
public record ConsumerStatus(String name, String delivery, int buffered, long dropped, boolean paused) {

}
