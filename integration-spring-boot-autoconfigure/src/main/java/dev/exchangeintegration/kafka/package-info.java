/**
 * Kafka: the {@code kafka} protocol, which reads topics as exchange streams, and the
 * {@code sinks.kafka} sink, which writes an exchange's outputs to a topic.
 */
@NullMarked
package dev.exchangeintegration.kafka;

import org.jspecify.annotations.NullMarked;
