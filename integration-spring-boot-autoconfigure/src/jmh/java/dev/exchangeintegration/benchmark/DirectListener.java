package dev.exchangeintegration.benchmark;

import dev.exchangeintegration.annotation.ExchangeListener;

/**
 * The {@code direct} contender's listener: delivered on the socket thread itself.
 */
class DirectListener {

	static final String METHOD = "onTrade";

	private final Tally tally;

	DirectListener(Tally tally) {
		this.tally = tally;
	}

	@ExchangeListener(value = "bench", direct = true)
	void onTrade(Trade trade) {
		this.tally.record(trade.id());
	}

}
