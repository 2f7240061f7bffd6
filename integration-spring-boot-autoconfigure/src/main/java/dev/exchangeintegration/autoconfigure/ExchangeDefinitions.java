package dev.exchangeintegration.autoconfigure;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Exchange;
import dev.exchangeintegration.autoconfigure.parser.ExchangeParserFactory;
import dev.exchangeintegration.autoconfigure.transport.ExchangeTransportDecorator;
import dev.exchangeintegration.autoconfigure.transport.ExchangeTransportFactory;
import dev.exchangeintegration.autoconfigure.transport.ExchangeTransportFactory.TransportDefinition;
import dev.exchangeintegration.core.DefaultExchangeStream;
import dev.exchangeintegration.core.ProtocolParser;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The configured exchanges, each bound once with the shared defaults merged in and
 * checked once, at startup: the common settings, its transport's settings (by the
 * {@link ExchangeTransportFactory} of its protocol) and its parser (by the
 * {@link ExchangeParserFactory} of its format, or a {@code ProtocolParser} bean). A
 * mistake fails startup with Boot's {@code InvalidConfigurationPropertyValueException} or
 * {@code MutuallyExclusiveConfigurationPropertiesException} naming the property.
 */
public final class ExchangeDefinitions {

	private final Map<String, ExchangeDefinition> enabled;

	private final Set<String> disabled;

	private ExchangeDefinitions(Map<String, ExchangeDefinition> enabled, Set<String> disabled) {
		this.enabled = Collections.unmodifiableMap(enabled);
		this.disabled = Collections.unmodifiableSet(disabled);
	}

	/**
	 * Define every exchange of the configuration.
	 * @param properties the properties, each exchange with the shared defaults merged in
	 * @param environment the environment that transport settings are bound from
	 * @param transports the transport factories, in order
	 * @param parsers the parser factories, in order
	 * @param beanFactory the bean factory with the exchanges' stream bean definitions
	 * @return the definitions
	 */
	public static ExchangeDefinitions of(ExchangeIntegrationProperties properties, Environment environment,
			List<ExchangeTransportFactory<?>> transports, List<ExchangeParserFactory> parsers,
			ConfigurableListableBeanFactory beanFactory) {
		return of(properties, environment, transports, List.of(), parsers, beanFactory);
	}

	/**
	 * Define every exchange of the configuration, with decorated transports.
	 * @param properties the properties, each exchange with the shared defaults merged in
	 * @param environment the environment that transport settings are bound from
	 * @param transports the transport factories, in order
	 * @param decorators the decorators applied to every exchange's transport, in order
	 * @param parsers the parser factories, in order
	 * @param beanFactory the bean factory with the exchanges' stream bean definitions
	 * @return the definitions
	 */
	public static ExchangeDefinitions of(ExchangeIntegrationProperties properties, Environment environment,
			List<ExchangeTransportFactory<?>> transports, List<ExchangeTransportDecorator<?>> decorators,
			List<ExchangeParserFactory> parsers, ConfigurableListableBeanFactory beanFactory) {
		ExchangeTransports transportsByProtocol = new ExchangeTransports(transports, decorators,
				Binder.get(environment));
		ExchangeParsers parsersByFormat = new ExchangeParsers(parsers, beanFactory);
		Map<String, ExchangeDefinition> enabled = new LinkedHashMap<>();
		Set<String> disabled = new LinkedHashSet<>();
		properties.getExchanges().forEach((name, exchange) -> {
			ResolvableType streamType = streamType(beanFactory, name);
			if (!exchange.isEnabled() || streamType == null) {
				disabled.add(name);
				return;
			}
			ExchangeSettingsContext context = new ExchangeSettingsContext(name, exchange, "",
					ConfigurationPropertySources.get(environment));
			StreamSpec stream = StreamSpec.of(exchange, context);
			TransportDefinition transport = transportsByProtocol.define(exchange, context);
			ResolvableType input = streamType.getGeneric(0);
			ProtocolParser<?> parser = parsersByFormat.create(parser(exchange, transport, context), input, context);
			enabled.put(name, new ExchangeDefinition(name, input, streamType.getGeneric(1), transformer(exchange),
					parser, transport, stream));
		});
		return new ExchangeDefinitions(enabled, disabled);
	}

	private static @Nullable ResolvableType streamType(ConfigurableListableBeanFactory beanFactory, String name) {
		String beanName = ExchangeStreamBeanNames.stream(name);
		if (!beanFactory.containsBeanDefinition(beanName)) {
			return null;
		}
		return beanFactory.getMergedBeanDefinition(beanName).getResolvableType().as(DefaultExchangeStream.class);
	}

	/**
	 * Return the exchange's own parser, else the one its transport needs, else the shared
	 * default.
	 */
	private static String parser(Exchange exchange, TransportDefinition transport, ExchangeSettingsContext context) {
		String needed = transport.parser();
		return (needed != null && !context.isSetByExchange("parser")) ? needed : exchange.getParser();
	}

	private static @Nullable String transformer(Exchange exchange) {
		return StringUtils.hasText(exchange.getTransformer()) ? exchange.getTransformer() : null;
	}

	/**
	 * Return the definition of an enabled exchange.
	 * @param name the exchange name
	 * @return the definition, or empty when no enabled exchange has that name
	 */
	public Optional<ExchangeDefinition> find(String name) {
		return Optional.ofNullable(this.enabled.get(name));
	}

	/**
	 * Return the definitions of the enabled exchanges, in declaration order.
	 * @return the definitions
	 */
	public Collection<ExchangeDefinition> enabled() {
		return this.enabled.values();
	}

	/**
	 * Return the names of the exchanges that are configured but disabled.
	 * @return the names
	 */
	public Set<String> disabled() {
		return this.disabled;
	}

}
