package dev.exchangeintegration.sample;

import dev.exchangeintegration.annotation.ExchangeListener;

import org.springframework.context.annotation.Profile;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Prints the rolling volumes read back from Kafka, under the {@code kafka} profile.
 */
@Component
@Profile("kafka")
public class RecordedVolumePrinter {

	@ExchangeListener("recorded-volumes")
	void print(TradeVolume volume, @Header(KafkaHeaders.RECEIVED_KEY) String key,
			@Header(KafkaHeaders.OFFSET) long offset) {
		System.out.println("recorded " + key + " at offset " + offset + ": rolling volume " + volume.rollingSum());
	}

}
