/**
 * Discovery of {@link dev.exchangeintegration.annotation.ExchangeListener} methods and
 * delivery of outputs to them.
 */
@NullMarked
package dev.exchangeintegration.listener;

import org.jspecify.annotations.NullMarked;
