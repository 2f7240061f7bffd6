/**
 * Sample app: the rolling volume of Binance Futures aggTrade trades, offline by default.
 */
@NullMarked
package dev.exchangeintegration.sample;

import org.jspecify.annotations.NullMarked;
