package dev.exchangeintegration.record;

import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;
import dev.exchangeintegration.autoconfigure.ExchangeStreamObservers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the recording of exchanges' traffic ({@code record.*}).
 */
@AutoConfiguration(after = ExchangeIntegrationAutoConfiguration.class)
public final class RecordingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RecordingTransportDecorator recordingTransportDecorator(ObjectProvider<ExchangeStreamObservers> observers) {
		return new RecordingTransportDecorator(observers::getObject);
	}

}
