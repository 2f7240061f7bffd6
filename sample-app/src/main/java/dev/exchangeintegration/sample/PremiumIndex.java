package dev.exchangeintegration.sample;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Binance Futures' premium index of a symbol ({@code GET /fapi/v1/premiumIndex}); only
 * the fields this sample prints.
 *
 * @param symbol the symbol
 * @param markPrice the mark price
 * @param lastFundingRate the last funding rate
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PremiumIndex(String symbol, BigDecimal markPrice, BigDecimal lastFundingRate) {

}
