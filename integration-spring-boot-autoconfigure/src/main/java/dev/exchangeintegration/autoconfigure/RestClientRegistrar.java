package dev.exchangeintegration.autoconfigure;

import java.util.Map;

import dev.exchangeintegration.rest.DefaultExchangeRestClient;
import dev.exchangeintegration.rest.ExchangeRestClient;
import org.jspecify.annotations.Nullable;

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
 * name, so that {@code @Qualifier("NAME") ExchangeRestClient} injects. The settings are
 * validated here, before any bean is created.
 */
public class RestClientRegistrar
		implements BeanDefinitionRegistryPostProcessor, BeanFactoryInitializationAotProcessor, EnvironmentAware {

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

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		if (this.environment == null || !(registry instanceof ConfigurableListableBeanFactory beanFactory)) {
			return;
		}
		Map<String, RestClientProperties> clients = bind(Binder.get(this.environment));
		String[] factories = beanFactory.getBeanNamesForType(ExchangeRestClientFactory.class, true, false);
		String factory = (factories.length == 1) ? factories[0] : "exchangeRestClientFactory";
		clients.forEach((name, properties) -> {
			RestClientValidator.validate(name, properties, beanFactory);
			// a factory method rather than an instance supplier, so that Spring AOT can
			// generate the registration
			RootBeanDefinition definition = new RootBeanDefinition();
			definition.setFactoryBeanName(factory);
			definition.setFactoryMethodName("createClient");
			definition.getConstructorArgumentValues().addIndexedArgumentValue(0, name);
			definition.setTargetType(DefaultExchangeRestClient.class);
			definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
			registry.registerBeanDefinition(beanName(name), definition);
		});
	}

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		// nothing to contribute: implemented so that AOT leaves this registrar out of the
		// generated context, which registers the clients already
		return null;
	}

	static Map<String, RestClientProperties> bind(Binder binder) {
		return binder
			.bind(ExchangeIntegrationProperties.PREFIX + ".rest",
					Bindable.mapOf(String.class, RestClientProperties.class))
			.orElse(Map.of());
	}

}
