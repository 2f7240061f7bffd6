package dev.exchangeintegration.benchmark;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Binance USD-M Futures combined-stream frame carrying an aggregate trade, bound field
 * for field.
 *
 * @param stream the stream name, such as {@code ctkusdt@aggTrade}
 * @param data the trade
 */
public record AggTradeEnvelope(String stream, AggTrade data) {

	/**
	 * Binance's {@code aggTrade} event, under Binance's one-letter field names.
	 *
	 * @param eventType always {@code aggTrade}
	 * @param eventTime when Binance sent the event, epoch milliseconds
	 * @param aggregateId the aggregate trade id
	 * @param symbol the symbol, such as {@code CTKUSDT}
	 * @param price the price
	 * @param quantity the quantity
	 * @param firstTradeId the first trade id aggregated
	 * @param lastTradeId the last trade id aggregated
	 * @param tradeTime when the trade happened, epoch milliseconds
	 * @param buyerMaker whether the buyer was the market maker
	 */
	public record AggTrade(@JsonProperty("e") String eventType, @JsonProperty("E") long eventTime,
			@JsonProperty("a") long aggregateId, @JsonProperty("s") String symbol, @JsonProperty("p") BigDecimal price,
			@JsonProperty("q") BigDecimal quantity, @JsonProperty("f") long firstTradeId,
			@JsonProperty("l") long lastTradeId, @JsonProperty("T") long tradeTime,
			@JsonProperty("m") boolean buyerMaker) {

	}

}
