package dev.exchangeintegration.sample;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * An event of a Binance Futures market stream, told apart by its {@code e} field: an
 * aggregated trade, or any other event (depth updates, klines, book tickers), which this
 * sample ignores.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "e", include = JsonTypeInfo.As.EXISTING_PROPERTY,
		defaultImpl = MarketEvent.Other.class)
@JsonSubTypes(@JsonSubTypes.Type(value = MarketEvent.AggTrade.class, name = "aggTrade"))
public sealed interface MarketEvent {

	/**
	 * An aggregated trade; only the fields this sample needs.
	 *
	 * @param symbol the symbol, for example {@code BTCUSDT}
	 * @param quantity the traded quantity
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record AggTrade(@JsonProperty("s") String symbol, @JsonProperty("q") BigDecimal quantity) implements MarketEvent {
	}

	/**
	 * Any other event.
	 *
	 * @param type the event type, such as {@code depthUpdate}
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Other(@JsonProperty("e") String type) implements MarketEvent {
	}

}
