package dev.exchangeintegration.sample;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.jspecify.annotations.Nullable;

/**
 * What Binance sends on a combined stream: the response to the subscription, or an event
 * of one of the subscribed streams in its envelope. Jackson tells them apart by their
 * fields, like serde's untagged enum.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({ @JsonSubTypes.Type(BinanceMessage.SubscriptionResponse.class),
		@JsonSubTypes.Type(BinanceMessage.StreamEvent.class) })
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
	 * {@code {"stream":"ctkusdt@aggTrade","data":{"e":"aggTrade",...}}}.
	 *
	 * @param stream the stream the event belongs to
	 * @param data the event
	 */
	record StreamEvent(String stream, MarketEvent data) implements BinanceMessage {
	}

}
