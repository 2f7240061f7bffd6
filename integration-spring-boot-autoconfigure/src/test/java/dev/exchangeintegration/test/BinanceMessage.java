package dev.exchangeintegration.test;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The Java form of barter-integration's untagged enum: a subscription response or a
 * trade, told apart by their fields.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({ @JsonSubTypes.Type(BinanceMessage.SubscriptionResponse.class),
		@JsonSubTypes.Type(BinanceMessage.AggTrade.class) })
public sealed interface BinanceMessage {

	record SubscriptionResponse(Object result, int id) implements BinanceMessage {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record AggTrade(@JsonProperty("s") String symbol,
			@JsonProperty("q") BigDecimal quantity) implements BinanceMessage {
	}

	static String trade(String symbol, String quantity) {
		return "{\"e\":\"aggTrade\",\"E\":1626992741017,\"s\":\"" + symbol + "\",\"p\":\"7.6110\",\"q\":\"" + quantity
				+ "\",\"m\":true}";
	}

}
