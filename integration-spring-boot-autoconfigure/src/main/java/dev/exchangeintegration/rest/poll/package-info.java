/**
 * The {@code rest-poll} protocol: a REST endpoint polled as a stream.
 */
@NullMarked
package dev.exchangeintegration.rest.poll;

import org.jspecify.annotations.NullMarked;
