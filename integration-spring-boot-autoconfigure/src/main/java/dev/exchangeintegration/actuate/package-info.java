/**
 * Actuator support for exchange streams: the {@code exchanges} health contributor and the
 * {@code exchanges} endpoint.
 */
@NullMarked
package dev.exchangeintegration.actuate;

import org.jspecify.annotations.NullMarked;
