package dev.exchangeintegration.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.exchangeintegration.autoconfigure.ExchangeDefinition;
import dev.exchangeintegration.autoconfigure.ExchangeDefinitions;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties;
import dev.exchangeintegration.autoconfigure.ExchangeStreamsLifecycle;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link ExchangeStreamMeters}: registered when Micrometer is
 * on the class path and the application has exchange streams.
 */
@AutoConfiguration(after = ExchangeIntegrationAutoConfiguration.class)
@ConditionalOnClass({ MeterRegistry.class, ExchangeDefinitions.class })
@ConditionalOnBean(ExchangeDefinitions.class)
public final class ExchangeMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ExchangeStreamMetrics exchangeStreamMetrics(ExchangeDefinitions definitions,
			ExchangeIntegrationProperties properties, ObjectProvider<ExchangeStreamsLifecycle> lifecycle) {
		Map<String, String> protocols = new LinkedHashMap<>();
		for (ExchangeDefinition definition : definitions.enabled()) {
			protocols.put(definition.name(), properties.getExchanges().get(definition.name()).getProtocol());
		}
		return new ExchangeStreamMetrics(protocols, (exchange) -> {
			ExchangeStreamsLifecycle streams = lifecycle.getIfAvailable();
			return (streams != null) ? streams.find(exchange) : null;
		});
	}

}
