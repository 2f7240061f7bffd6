package dev.exchangeintegration.sample.fix;

import dev.exchangeintegration.annotation.ExchangeListener;
import dev.exchangeintegration.sample.TradeVolume;

import org.springframework.stereotype.Component;

/**
 * Prints the rolling volume computed over FIX, next to the WebSocket feed's lines.
 */
@Component
public class FixVolumePrinter {

	@ExchangeListener("binance-fix")
	void print(TradeVolume volume) {
		System.out.println(
				volume.symbol() + " over FIX " + volume.quantity() + ", FIX rolling volume " + volume.rollingSum());
	}

}
