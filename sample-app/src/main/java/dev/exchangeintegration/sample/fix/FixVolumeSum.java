package dev.exchangeintegration.sample.fix;

import java.math.BigDecimal;
import java.util.function.Consumer;

import dev.exchangeintegration.core.Transformer;
import dev.exchangeintegration.sample.TradeVolume;
import quickfix.FieldNotFound;
import quickfix.Group;
import quickfix.field.MDEntrySize;
import quickfix.field.MDEntryType;
import quickfix.field.NoMDEntries;
import quickfix.field.Symbol;
import quickfix.fix44.MarketDataIncrementalRefresh;

import org.springframework.stereotype.Component;

/**
 * The rolling volume again, from the trades of the FIX feed: its input type,
 * {@code MarketDataIncrementalRefresh}, takes the typed refreshes QuickFIX/J parsed, and
 * skips the session's other messages.
 */
@Component
public class FixVolumeSum implements Transformer<MarketDataIncrementalRefresh, TradeVolume> {

	private BigDecimal sum = BigDecimal.ZERO;

	@Override
	public void transform(MarketDataIncrementalRefresh refresh, Consumer<? super TradeVolume> out)
			throws FieldNotFound {
		for (Group entry : refresh.getGroups(NoMDEntries.FIELD)) {
			if (entry.getChar(MDEntryType.FIELD) == MDEntryType.TRADE) {
				BigDecimal quantity = new BigDecimal(entry.getString(MDEntrySize.FIELD));
				this.sum = this.sum.add(quantity);
				out.accept(new TradeVolume(entry.getString(Symbol.FIELD), quantity, this.sum));
			}
		}
	}

}
