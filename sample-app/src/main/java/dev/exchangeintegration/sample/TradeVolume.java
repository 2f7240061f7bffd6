package dev.exchangeintegration.sample;

import java.math.BigDecimal;

/**
 * The output of {@link VolumeSum}: one trade and the rolling volume including it.
 *
 * @param symbol the traded symbol
 * @param quantity the trade's quantity
 * @param rollingSum the sum of the quantities of all trades so far
 */
public record TradeVolume(String symbol, BigDecimal quantity, BigDecimal rollingSum) {

}
