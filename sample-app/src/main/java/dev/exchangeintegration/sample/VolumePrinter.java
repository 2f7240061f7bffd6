package dev.exchangeintegration.sample;

import dev.exchangeintegration.annotation.ExchangeListener;

import org.springframework.stereotype.Component;

/**
 * Prints the rolling volume for each trade.
 */
@Component
public class VolumePrinter {

	@ExchangeListener("binance-futures")
	void print(TradeVolume volume) {
		System.out
			.println(volume.symbol() + " traded " + volume.quantity() + ", rolling volume " + volume.rollingSum());
	}

}
