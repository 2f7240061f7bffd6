package dev.exchangeintegration.benchmark;

import java.util.function.Consumer;

import dev.exchangeintegration.core.Transformer;

/**
 * Turns each Binance envelope into one {@link Trade}: the transformer of every contender.
 */
public final class TradeTransformer implements Transformer<AggTradeEnvelope, Trade> {

	@Override
	public void transform(AggTradeEnvelope envelope, Consumer<? super Trade> out) {
		out.accept(toTrade(envelope));
	}

	static Trade toTrade(AggTradeEnvelope envelope) {
		AggTradeEnvelope.AggTrade trade = envelope.data();
		return new Trade(trade.symbol(), trade.aggregateId(), trade.price(), trade.quantity(), trade.tradeTime(),
				trade.buyerMaker());
	}

}
