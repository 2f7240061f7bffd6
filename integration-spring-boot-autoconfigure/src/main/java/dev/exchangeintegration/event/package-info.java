/**
 * Application events published by exchange streams.
 */
@NullMarked
package dev.exchangeintegration.event;

import org.jspecify.annotations.NullMarked;
