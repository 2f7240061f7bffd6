package dev.exchangeintegration.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Exchange;
import dev.exchangeintegration.core.DefaultExchangeStream;
import dev.exchangeintegration.core.ExchangeStream;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;

/**
 * Registers, for every enabled exchange under {@code exchange-integration.exchanges}, an
 * {@link ExchangeStream} bean and a {@link Flux} bean, both qualified by the exchange
 * name and typed with the exchange's output type, so that
 * {@code @Qualifier("NAME") Flux<O>} and {@code @Qualifier("NAME") ExchangeStream<O>}
 * inject, and {@code Flux<O>} injects by type alone when unambiguous.
 * <p>
 * Only what shapes the beans is read here: the exchange names, whether each is enabled,
 * and its types (from the transformer, the {@code message-type} or the parser); a
 * transformer or message type that cannot work fails here. Every other setting is bound
 * and checked once, by {@link ExchangeDefinitions}. The beans are created by factory
 * methods ({@code ExchangeStreamFactory.create(NAME)}, then {@code flux()} on the
 * stream), so that Spring AOT can generate their registration; under AOT this
 * registration runs at build time only, and this processor is left out of the generated
 * context. At build time it also registers the runtime hints of the types frames are
 * parsed into.
 */
public class ExchangeStreamRegistrar implements BeanDefinitionRegistryPostProcessor,
		BeanFactoryInitializationAotProcessor, EnvironmentAware, BeanClassLoaderAware {

	private static final String DEFAULT_FACTORY_BEAN_NAME = "exchangeStreamFactory";

	private @Nullable Environment environment;

	private @Nullable ClassLoader classLoader;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setBeanClassLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		if (this.environment == null || !(registry instanceof ConfigurableListableBeanFactory beanFactory)) {
			return;
		}
		Map<String, Exchange> exchanges = new LinkedHashMap<>();
		Binder.get(this.environment)
			.bind(ExchangeDefaultsBindHandler.EXCHANGES,
					Bindable.mapOf(String.class, Exchange.class).withExistingValue(exchanges),
					new ExchangeDefaultsBindHandler());
		String factory = factoryBeanName(beanFactory);
		exchanges.forEach((name, exchange) -> {
			if (exchange.isEnabled()) {
				ExchangeSettingsContext context = new ExchangeSettingsContext(name, exchange, "",
						ConfigurationPropertySources.get(this.environment));
				register(registry, factory, name,
						StreamTypes.resolve(exchange, context, beanFactory, this.classLoader));
			}
		});
	}

	private static String factoryBeanName(ConfigurableListableBeanFactory beanFactory) {
		String[] names = beanFactory.getBeanNamesForType(ExchangeStreamFactory.class, true, false);
		return (names.length == 1) ? names[0] : DEFAULT_FACTORY_BEAN_NAME;
	}

	private static void register(BeanDefinitionRegistry registry, String factory, String name, StreamTypes types) {
		String streamBeanName = ExchangeStreamBeanNames.stream(name);
		RootBeanDefinition stream = new RootBeanDefinition();
		stream.setFactoryBeanName(factory);
		stream.setFactoryMethodName("create");
		stream.getConstructorArgumentValues().addIndexedArgumentValue(0, name);
		stream.setTargetType(
				ResolvableType.forClassWithGenerics(DefaultExchangeStream.class, types.input(), types.output()));
		stream.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
		registry.registerBeanDefinition(streamBeanName, stream);

		RootBeanDefinition flux = new RootBeanDefinition();
		flux.setFactoryBeanName(streamBeanName);
		flux.setFactoryMethodName("flux");
		flux.setTargetType(ResolvableType.forClassWithGenerics(Flux.class, types.output()));
		flux.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
		registry.registerBeanDefinition(ExchangeStreamBeanNames.flux(name), flux);
	}

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		return (generationContext, code) -> ExchangeStreamHints.register(generationContext.getRuntimeHints(),
				beanFactory);
	}

}
