package dev.exchangeintegration.test;

import java.math.BigDecimal;

/**
 * A running volume: the output of {@link VolumeTransformer}.
 */
public record Volume(String symbol, BigDecimal total, long trades) {

}
