package dev.exchangeintegration.autoconfigure;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Exchange;
import dev.exchangeintegration.core.DefaultExchangeStream;
import dev.exchangeintegration.core.ExchangeStream;
import dev.exchangeintegration.core.Transformer;
import dev.exchangeintegration.rest.autoconfigure.RestClientRegistrar;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Registers, for every enabled exchange under {@code exchange-integration.exchanges}, an
 * {@link ExchangeStream} bean and a {@link Flux} bean, both qualified by the exchange
 * name and typed with the exchange's output type, so that
 * {@code @Qualifier("NAME") Flux<O>} and {@code @Qualifier("NAME") ExchangeStream<O>}
 * inject, and {@code Flux<O>} injects by type alone when unambiguous.
 * <p>
 * The configuration is validated here, before any bean is created, so that a mistake
 * fails startup with an {@link InvalidExchangeConfigurationException} naming the
 * property.
 */
public class ExchangeStreamRegistrar
		implements BeanDefinitionRegistryPostProcessor, EnvironmentAware, BeanClassLoaderAware {

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
		Binder binder = Binder.get(this.environment);
		Set<String> restClients = RestClientRegistrar.clientNames(binder);
		for (Map.Entry<String, Exchange> entry : ExchangeSettings.bind(binder).entrySet()) {
			String name = entry.getKey();
			Exchange exchange = entry.getValue();
			if (exchange.isEnabled()) {
				ExchangeValidator.validate(name, exchange, restClients);
				StreamTypes types = resolveTypes(name, exchange, beanFactory);
				register(registry, beanFactory, name, exchange, types);
			}
		}
	}

	private void register(BeanDefinitionRegistry registry, ConfigurableListableBeanFactory beanFactory, String name,
			Exchange exchange, StreamTypes types) {
		RootBeanDefinition stream = new RootBeanDefinition(DefaultExchangeStream.class);
		stream.setTargetType(
				ResolvableType.forClassWithGenerics(DefaultExchangeStream.class, types.input(), types.output()));
		stream
			.setInstanceSupplier(() -> beanFactory.getBean(ExchangeStreamFactory.class).create(name, exchange, types));
		stream.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
		registry.registerBeanDefinition(ExchangeStreamBeanNames.stream(name), stream);

		RootBeanDefinition flux = new RootBeanDefinition(Flux.class);
		flux.setTargetType(ResolvableType.forClassWithGenerics(Flux.class, types.output()));
		flux.setInstanceSupplier(
				() -> beanFactory.getBean(ExchangeStreamBeanNames.stream(name), ExchangeStream.class).flux());
		flux.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
		registry.registerBeanDefinition(ExchangeStreamBeanNames.flux(name), flux);
	}

	private StreamTypes resolveTypes(String name, Exchange exchange, ConfigurableListableBeanFactory beanFactory) {
		String transformer = StringUtils.hasText(exchange.getTransformer()) ? exchange.getTransformer() : null;
		String messageType = StringUtils.hasText(exchange.getMessageType()) ? exchange.getMessageType() : null;
		if (transformer != null && messageType != null) {
			throw new InvalidExchangeConfigurationException(property(name, "message-type"),
					"Exchange '" + name + "' sets both a transformer and a message-type.",
					"Remove " + property(name, "message-type")
							+ ": with a transformer, frames are parsed into the transformer's input type.");
		}
		if (transformer != null) {
			return transformerTypes(name, transformer, beanFactory);
		}
		if (messageType != null) {
			ResolvableType type = ResolvableType.forClass(loadMessageType(name, messageType));
			return new StreamTypes(type, type, null);
		}
		ResolvableType tree = ResolvableType.forClass(JsonNode.class);
		return new StreamTypes(tree, tree, null);
	}

	private StreamTypes transformerTypes(String name, String beanName, ConfigurableListableBeanFactory beanFactory) {
		String property = property(name, "transformer");
		if (!beanFactory.containsBean(beanName)) {
			throw new InvalidExchangeConfigurationException(property, "No Transformer bean named '" + beanName + "'.",
					"Define a Transformer bean named '" + beanName + "', or set " + property + " to one of "
							+ Arrays.toString(beanFactory.getBeanNamesForType(Transformer.class, true, false)) + ".");
		}
		Class<?> beanType = beanFactory.getType(beanName);
		if (beanType == null || !Transformer.class.isAssignableFrom(beanType)) {
			throw new InvalidExchangeConfigurationException(property,
					"Bean '" + beanName + "' is not a Transformer but a " + beanType + ".",
					"Set " + property + " to the name of a bean that implements " + Transformer.class.getName() + ".");
		}
		ResolvableType type = declaredType(beanFactory, beanName).as(Transformer.class);
		if (type == ResolvableType.NONE || type.getGeneric(0).resolve() == null
				|| type.getGeneric(1).resolve() == null) {
			type = ResolvableType.forClass(beanType).as(Transformer.class);
		}
		ResolvableType input = type.getGeneric(0);
		ResolvableType output = type.getGeneric(1);
		if (input.resolve() == null || output.resolve() == null) {
			throw new InvalidExchangeConfigurationException(property,
					"Cannot resolve the input and output types of Transformer bean '" + beanName
							+ "': it is declared as " + type + ", a raw or generic type such as a lambda"
							+ " returned as a raw Transformer.",
					"Declare the @Bean method's return type with its type arguments, for example"
							+ " Transformer<MyMessage, MyOutput>, or implement Transformer<MyMessage, MyOutput> in a class.");
		}
		return new StreamTypes(input, output, beanName);
	}

	private static ResolvableType declaredType(ConfigurableListableBeanFactory beanFactory, String beanName) {
		try {
			return beanFactory.getMergedBeanDefinition(beanName).getResolvableType();
		}
		catch (NoSuchBeanDefinitionException ex) {
			return ResolvableType.NONE;
		}
	}

	private Class<?> loadMessageType(String name, String className) {
		try {
			return ClassUtils.forName(className, this.classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new InvalidExchangeConfigurationException(property(name, "message-type"),
					"Class '" + className + "' cannot be loaded: " + ex + ".", "Set " + property(name, "message-type")
							+ " to the fully qualified name of a class on the classpath.",
					ex);
		}
	}

	static String property(String exchange, String property) {
		return ExchangeIntegrationProperties.PREFIX + ".exchanges." + exchange + "." + property;
	}

}
