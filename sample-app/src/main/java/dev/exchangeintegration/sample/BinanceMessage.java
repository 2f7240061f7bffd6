package dev.exchangeintegration.sample;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.jspecify.annotations.Nullable;

/**
 * What Binance sends on an aggTrade stream: the response to the subscription, or a trade.
 * Jackson tells them apart by their fields, like serde's untagged enum.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({ @JsonSubTypes.Type(BinanceMessage.SubscriptionResponse.class),
		@JsonSubTypes.Type(BinanceMessage.AggTrade.class) })
public sealed interface BinanceMessage {

	/**
	 * {@code {"result":null,"id":1}}.
	 *
	 * @param result the result, null on success
	 * @param id the id of the request
	 */
	record SubscriptionResponse(@Nullable Object result, int id) implements BinanceMessage {
	}

	/**
	 * An aggregated trade; only the fields this sample needs.
	 *
	 * @param symbol the symbol, for example {@code BTCUSDT}
	 * @param quantity the traded quantity
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record AggTrade(@JsonProperty("s") String symbol,
			@JsonProperty("q") BigDecimal quantity) implements BinanceMessage {
	}

}
