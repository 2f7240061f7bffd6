package dev.exchangeintegration.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Prints the rolling volume of Binance Futures trades. Offline by default, against the
 * embedded replay exchange; run with the {@code live} profile to connect to Binance.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
