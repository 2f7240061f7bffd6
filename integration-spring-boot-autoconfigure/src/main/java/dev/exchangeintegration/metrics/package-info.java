/**
 * Micrometer meters of exchange streams.
 */
@NullMarked
package dev.exchangeintegration.metrics;

import org.jspecify.annotations.NullMarked;
