package dev.exchangeintegration.benchmark;

import java.math.BigDecimal;

/**
 * The application's own trade, what the listener receives.
 *
 * @param symbol the symbol
 * @param id the exchange's aggregate trade id
 * @param price the price
 * @param quantity the quantity
 * @param time when the trade happened, epoch milliseconds
 * @param buyerMaker whether the buyer was the market maker
 */
public record Trade(String symbol, long id, BigDecimal price, BigDecimal quantity, long time, boolean buyerMaker) {

}
