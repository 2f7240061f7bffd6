package dev.exchangeintegration.integration;

import dev.exchangeintegration.autoconfigure.ExchangeDefinitions;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties;
import dev.exchangeintegration.autoconfigure.ExchangeStreamObservers;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.integration.endpoint.MessageProducerSupport;

/**
 * Auto-configuration of Spring Integration for exchange integrations: the
 * {@code sinks.channel} sinks and the {@code outbound-channel} of each exchange.
 * {@link ExchangeIntegration#inbound(String)} needs nothing more.
 */
@AutoConfiguration(after = ExchangeIntegrationAutoConfiguration.class,
		afterName = "org.springframework.boot.integration.autoconfigure.IntegrationAutoConfiguration")
@ConditionalOnClass({ MessageProducerSupport.class, ExchangeDefinitions.class })
public final class IntegrationExchangeAutoConfiguration {

	@Bean
	static ExchangeOutboundChannelRegistrar exchangeOutboundChannelRegistrar() {
		return new ExchangeOutboundChannelRegistrar();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(ExchangeStreamObservers.class)
	ChannelExchangeSinks channelExchangeSinks(ExchangeIntegrationProperties properties, ExchangeDefinitions definitions,
			Environment environment, ExchangeStreamObservers observer, BeanFactory beanFactory) {
		return new ChannelExchangeSinks(properties, definitions, environment, observer, beanFactory);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(ExchangeDefinitions.class)
	ExchangeOutboundChannels exchangeOutboundChannels(ExchangeIntegrationProperties properties,
			ExchangeDefinitions definitions, Environment environment, BeanFactory beanFactory) {
		return new ExchangeOutboundChannels(properties, definitions, environment, beanFactory);
	}

}
