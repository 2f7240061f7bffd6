package dev.exchangeintegration.sample;

import dev.exchangeintegration.annotation.ExchangeListener;

import org.springframework.stereotype.Component;

/**
 * Prints the premium index polled over REST.
 */
@Component
public class PremiumIndexPrinter {

	@ExchangeListener("premium-index")
	void print(PremiumIndex index) {
		System.out
			.println(index.symbol() + " mark price " + index.markPrice() + ", funding rate " + index.lastFundingRate());
	}

}
