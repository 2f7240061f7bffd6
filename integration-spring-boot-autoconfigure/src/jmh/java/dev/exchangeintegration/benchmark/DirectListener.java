package dev.exchangeintegration.benchmark;

import dev.exchangeintegration.annotation.ExchangeListener;

/**
 * The {@code direct} contender's listener: delivered on the socket thread itself.
 * <p>
 * {@code @ExchangeListener} has no {@code direct} attribute yet, so the attribute is
 * commented out and the benchmark prints {@code direct: not available}. Once the
 * attribute exists, uncomment it: that one line turns the contender on. The benchmark
 * reads the attribute back at run time, so it never measures isolated delivery under the
 * name {@code direct}.
 */
class DirectListener {

	static final String METHOD = "onTrade";

	private final Tally tally;

	DirectListener(Tally tally) {
		this.tally = tally;
	}

	@ExchangeListener(value = "bench" /* , direct = true */)
	void onTrade(Trade trade) {
		this.tally.record(trade.id());
	}

}
