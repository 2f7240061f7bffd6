/**
 * Names of the message headers that listener methods receive with an output.
 */
@NullMarked
package dev.exchangeintegration.messaging;

import org.jspecify.annotations.NullMarked;
