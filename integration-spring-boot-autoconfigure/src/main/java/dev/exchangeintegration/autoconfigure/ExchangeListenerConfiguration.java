package dev.exchangeintegration.autoconfigure;

import dev.exchangeintegration.listener.DefaultExchangeListenerContainerFactory;
import dev.exchangeintegration.listener.ExchangeListenerAnnotationBeanPostProcessor;
import dev.exchangeintegration.listener.ExchangeListenerContainerFactory;
import dev.exchangeintegration.listener.ExchangeListenerEndpointRegistry;
import dev.exchangeintegration.listener.ExchangeStreamLookup;
import dev.exchangeintegration.messaging.ExchangeHeaders;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.annotation.RegisterReflection;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@code @ExchangeListener} support: finds listener methods and runs each in a container
 * owned by the {@link ExchangeListenerEndpointRegistry}. Imported by
 * {@link ExchangeIntegrationAutoConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
// listener methods check @Header names against the constants of ExchangeHeaders
@RegisterReflection(classes = ExchangeHeaders.class, memberCategories = MemberCategory.ACCESS_PUBLIC_FIELDS)
class ExchangeListenerConfiguration {

	@Bean
	static ExchangeListenerAnnotationBeanPostProcessor exchangeListenerAnnotationBeanPostProcessor(
			ObjectProvider<ExchangeListenerEndpointRegistry> registry) {
		return new ExchangeListenerAnnotationBeanPostProcessor(registry::getObject);
	}

	@Bean
	@ConditionalOnMissingBean
	ExchangeStreamLookup exchangeStreamLookup(BeanFactory beanFactory,
			ObjectProvider<ExchangeDefinitions> definitions) {
		return new BeanFactoryExchangeStreamLookup(beanFactory, definitions);
	}

	@Bean
	@ConditionalOnMissingBean(ExchangeListenerContainerFactory.class)
	DefaultExchangeListenerContainerFactory exchangeListenerContainerFactory(ExchangeStreamObservers observer,
			ExchangeIntegrationProperties properties, Environment environment) {
		DefaultExchangeListenerContainerFactory factory = new DefaultExchangeListenerContainerFactory(observer,
				properties.getShutdownTimeout());
		factory.setVirtualThreads(Threading.VIRTUAL.isActive(environment));
		return factory;
	}

	@Bean
	@ConditionalOnMissingBean
	ExchangeListenerEndpointRegistry exchangeListenerEndpointRegistry(ExchangeStreamLookup streams,
			ExchangeListenerContainerFactory containerFactory, ExchangeIntegrationProperties properties) {
		return new ExchangeListenerEndpointRegistry(streams, containerFactory, properties.getShutdownTimeout());
	}

}
