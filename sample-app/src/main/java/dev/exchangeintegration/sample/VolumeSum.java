package dev.exchangeintegration.sample;

import java.math.BigDecimal;
import java.util.function.Consumer;

import dev.exchangeintegration.core.Transformer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * A stateful transformer: keeps the rolling sum of traded volume and emits it for each
 * trade.
 */
@Component
public class VolumeSum implements Transformer<BinanceMessage, TradeVolume> {

	private static final Log logger = LogFactory.getLog(VolumeSum.class);

	private BigDecimal sum = BigDecimal.ZERO;

	@Override
	public void transform(BinanceMessage message, Consumer<? super TradeVolume> out) {
		if (message instanceof BinanceMessage.StreamEvent event && event.data() instanceof MarketEvent.AggTrade trade) {
			this.sum = this.sum.add(trade.quantity());
			out.accept(new TradeVolume(trade.symbol(), trade.quantity(), this.sum));
		}
		else if (message instanceof BinanceMessage.SubscriptionResponse response) {
			logger.info("Subscribed: " + response);
		}
	}

}
