package dev.exchangeintegration.fix;

import java.time.Clock;

import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;
import quickfix.Initiator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code fix} protocol, when QuickFIX/J
 * ({@code org.quickfixj:quickfixj-core} and {@code quickfixj-messages-all}) is on the
 * classpath: the {@link FixExchangeTransportFactory} and the {@code fix} parser format.
 */
@AutoConfiguration(before = ExchangeIntegrationAutoConfiguration.class,
		afterName = "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration")
@ConditionalOnClass({ Initiator.class, ExchangeIntegrationAutoConfiguration.class })
public final class FixAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	FixExchangeTransportFactory fixExchangeTransportFactory(ConfigurableListableBeanFactory beanFactory,
			ObjectProvider<SslBundles> sslBundles, ObjectProvider<Clock> clock) {
		return new FixExchangeTransportFactory(beanFactory, sslBundles.getIfAvailable(),
				clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	@ConditionalOnMissingBean
	FixParserFactory fixParserFactory() {
		return new FixParserFactory();
	}

}
