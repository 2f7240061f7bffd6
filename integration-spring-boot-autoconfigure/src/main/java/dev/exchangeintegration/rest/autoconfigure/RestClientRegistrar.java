package dev.exchangeintegration.rest.autoconfigure;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

import dev.exchangeintegration.rest.DefaultExchangeRestClient;
import dev.exchangeintegration.rest.ExchangeRestClient;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
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
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Registers, for every entry under {@code exchange-integration.rest}, an
 * {@link ExchangeRestClient} bean named {@code NAME.restClient} and qualified by the
 * name, so that {@code @Qualifier("NAME") ExchangeRestClient} injects. Each bean is made
 * by the {@link ExchangeRestClientFactory#create(String)} factory method with the name as
 * its argument, a definition that ahead-of-time processing can write as code.
 * <p>
 * Only the names are read here; the settings are bound by {@link RestClientsProperties}
 * and checked when each client is created.
 */
public class RestClientRegistrar
		implements BeanDefinitionRegistryPostProcessor, BeanFactoryInitializationAotProcessor, EnvironmentAware {

	static final String DEFAULT_FACTORY_BEAN_NAME = "exchangeRestClientFactory";

	private @Nullable Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	/**
	 * Return the name of the bean of a REST client.
	 * @param name the client name
	 * @return the bean name, {@code NAME.restClient}
	 */
	public static String beanName(String name) {
		return name + ".restClient";
	}

	/**
	 * Return the names of the configured REST clients, the keys under
	 * {@code exchange-integration.rest}, without binding their settings.
	 * @param binder the binder of the environment
	 * @return the names, in order
	 */
	public static Set<String> clientNames(Binder binder) {
		return binder.bind("exchange-integration.rest", Bindable.mapOf(String.class, Object.class))
			.map((clients) -> Collections.unmodifiableSet(new LinkedHashSet<>(clients.keySet())))
			.orElse(Set.of());
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		if (this.environment == null) {
			return;
		}
		String factory = factoryBeanName(registry);
		for (String name : clientNames(Binder.get(this.environment))) {
			RootBeanDefinition definition = new RootBeanDefinition();
			definition.setTargetType(DefaultExchangeRestClient.class);
			definition.setFactoryBeanName(factory);
			definition.setFactoryMethodName("create");
			definition.getConstructorArgumentValues().addIndexedArgumentValue(0, name);
			definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
			registry.registerBeanDefinition(beanName(name), definition);
		}
	}

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		// nothing to contribute: implemented so that AOT leaves this registrar out of the
		// generated context, which registers the clients already
		return null;
	}

	private static String factoryBeanName(BeanDefinitionRegistry registry) {
		if (registry instanceof ListableBeanFactory beanFactory) {
			String[] names = beanFactory.getBeanNamesForType(ExchangeRestClientFactory.class, true, false);
			if (names.length == 1) {
				return names[0];
			}
		}
		return DEFAULT_FACTORY_BEAN_NAME;
	}

}
