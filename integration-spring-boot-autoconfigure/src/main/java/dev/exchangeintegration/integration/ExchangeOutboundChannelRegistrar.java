package dev.exchangeintegration.integration;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.exchangeintegration.autoconfigure.ExchangeDefaultsBindHandler;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Exchange;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.integration.channel.DirectChannel;

/**
 * Registers a {@link DirectChannel} bean named after the {@code outbound-channel} of each
 * enabled exchange, unless the application defines a bean of that name.
 * {@link ExchangeOutboundChannels} then subscribes the exchange's sender to it.
 */
public class ExchangeOutboundChannelRegistrar implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

	private @Nullable Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		if (this.environment == null) {
			return;
		}
		Map<String, Exchange> exchanges = new LinkedHashMap<>();
		Binder.get(this.environment)
			.bind(ExchangeIntegrationProperties.PREFIX + ".exchanges",
					Bindable.mapOf(String.class, Exchange.class).withExistingValue(exchanges),
					new ExchangeDefaultsBindHandler());
		exchanges.forEach((name, exchange) -> {
			String channel = exchange.getOutboundChannel();
			if (exchange.isEnabled() && channel != null && !registry.containsBeanDefinition(channel)) {
				registry.registerBeanDefinition(channel, new RootBeanDefinition(DirectChannel.class));
			}
		});
	}

}
