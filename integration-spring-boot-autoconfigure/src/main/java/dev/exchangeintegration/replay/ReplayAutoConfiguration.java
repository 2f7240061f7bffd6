package dev.exchangeintegration.replay;

import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code replay} protocol.
 */
@AutoConfiguration(after = ExchangeIntegrationAutoConfiguration.class)
public final class ReplayAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ReplayTransportFactory replayTransportFactory(ApplicationContext context) {
		return new ReplayTransportFactory(context.getClassLoader());
	}

}
