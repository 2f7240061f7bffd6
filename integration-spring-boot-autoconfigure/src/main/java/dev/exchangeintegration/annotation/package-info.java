/**
 * Annotations for consuming exchange streams.
 */
@NullMarked
package dev.exchangeintegration.annotation;

import org.jspecify.annotations.NullMarked;
