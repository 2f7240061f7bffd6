package dev.exchangeintegration.benchmark;

import dev.exchangeintegration.annotation.ExchangeListener;

/**
 * The {@code isolated} contender's listener: delivered on a thread of its own, off the
 * socket thread, through its own buffer.
 */
class IsolatedListener {

	private final Tally tally;

	IsolatedListener(Tally tally) {
		this.tally = tally;
	}

	@ExchangeListener("bench")
	void onTrade(Trade trade) {
		this.tally.record(trade.id());
	}

}
