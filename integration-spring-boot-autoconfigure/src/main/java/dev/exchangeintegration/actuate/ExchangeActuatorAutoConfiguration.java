package dev.exchangeintegration.actuate;

import dev.exchangeintegration.autoconfigure.ExchangeDefinition;
import dev.exchangeintegration.autoconfigure.ExchangeDefinitions;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties;
import dev.exchangeintegration.autoconfigure.ExchangeStreamsLifecycle;
import dev.exchangeintegration.listener.ExchangeListenerEndpointRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the {@code exchanges} health contributor and endpoint, when
 * Actuator is on the class path.
 */
@AutoConfiguration(after = ExchangeIntegrationAutoConfiguration.class)
@ConditionalOnBean(ExchangeStreamsLifecycle.class)
public final class ExchangeActuatorAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ HealthContributor.class, ConditionalOnEnabledHealthIndicator.class })
	@ConditionalOnEnabledHealthIndicator("exchanges")
	@EnableConfigurationProperties(ExchangeHealthProperties.class)
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "exchangesHealthContributor")
		ExchangesHealthContributor exchangesHealthContributor(ExchangeStreamsLifecycle streams,
				ExchangeHealthProperties properties) {
			return new ExchangesHealthContributor(streams, properties.getGrace());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
	@ConditionalOnAvailableEndpoint(ExchangesEndpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ExchangesEndpoint exchangesEndpoint(ExchangeStreamsLifecycle streams, ExchangeDefinitions definitions,
				ExchangeIntegrationProperties properties, ObjectProvider<ExchangeListenerEndpointRegistry> listeners) {
			return new ExchangesEndpoint(streams, (name) -> {
				ExchangeIntegrationProperties.Exchange exchange = properties.getExchanges().get(name);
				return (exchange != null) ? exchange.getProtocol() : null;
			}, (name) -> definitions.find(name)
				.map(ExchangeDefinition::transport)
				.map((t) -> t.endpoint())
				.orElse(null), listeners.getIfAvailable());
		}

		@Bean
		@ConditionalOnMissingBean
		ExchangesEndpointWebExtension exchangesEndpointWebExtension(ExchangesEndpoint endpoint) {
			return new ExchangesEndpointWebExtension(endpoint);
		}

	}

}
