package dev.exchangeintegration.test;

import java.math.BigDecimal;
import java.util.function.Consumer;

import dev.exchangeintegration.core.Transformer;

/**
 * A stateful transformer: the running volume of all trades. Throws for a trade with a
 * negative quantity, after emitting a marker output, to exercise error reporting.
 */
public class VolumeTransformer implements Transformer<BinanceMessage, Volume> {

	private BigDecimal total = BigDecimal.ZERO;

	private long trades;

	@Override
	public void transform(BinanceMessage input, Consumer<? super Volume> out) {
		if (input instanceof BinanceMessage.AggTrade trade) {
			if (trade.quantity().signum() < 0) {
				out.accept(new Volume("REJECTED", trade.quantity(), this.trades));
				throw new IllegalArgumentException("negative quantity " + trade.quantity());
			}
			this.total = this.total.add(trade.quantity());
			this.trades++;
			out.accept(new Volume(trade.symbol(), this.total, this.trades));
		}
	}

}
