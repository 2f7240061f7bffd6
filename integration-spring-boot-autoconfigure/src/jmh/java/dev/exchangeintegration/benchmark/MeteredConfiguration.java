package dev.exchangeintegration.benchmark;

import dev.exchangeintegration.metrics.ExchangeMetricsAutoConfiguration;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/**
 * Micrometer for the {@code metered} contender: Boot's metrics auto-configuration with a
 * simple registry, and the starter's meters.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({ MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
		SimpleMetricsExportAutoConfiguration.class, ExchangeMetricsAutoConfiguration.class })
class MeteredConfiguration {

}
