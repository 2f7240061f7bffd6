package dev.exchangeintegration.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Exchange;
import dev.exchangeintegration.autoconfigure.transport.ExchangeTransportDecorator;
import dev.exchangeintegration.autoconfigure.transport.ExchangeTransportFactory;
import dev.exchangeintegration.autoconfigure.transport.ExchangeTransportFactory.TransportDefinition;

import org.springframework.boot.context.properties.bind.Binder;

/**
 * The transport factories by protocol: binds the settings group of an exchange's protocol
 * and lets the factory check them.
 */
final class ExchangeTransports {

	private final Map<String, ExchangeTransportFactory<?>> factories = new LinkedHashMap<>();

	private final List<ExchangeTransportDecorator<?>> decorators;

	private final Binder binder;

	/**
	 * Create a new instance.
	 * @param factories the factories, in order: the first one for a protocol wins
	 * @param decorators the decorators applied to every transport, in order
	 * @param binder the binder of the settings
	 */
	ExchangeTransports(List<ExchangeTransportFactory<?>> factories, List<ExchangeTransportDecorator<?>> decorators,
			Binder binder) {
		factories.forEach((factory) -> this.factories.putIfAbsent(factory.protocol(), factory));
		this.decorators = decorators;
		this.binder = binder;
	}

	TransportDefinition define(Exchange exchange, ExchangeSettingsContext context) {
		ExchangeTransportFactory<?> factory = this.factories.get(exchange.getProtocol());
		if (factory == null) {
			throw context.invalid("protocol", exchange.getProtocol(),
					"Exchange '" + context.exchange() + "' has protocol '" + exchange.getProtocol()
							+ "', for which no transport is available.",
					"Use one of " + this.factories.keySet()
							+ ", or define an ExchangeTransportFactory bean whose protocol is '"
							+ exchange.getProtocol() + "'.");
		}
		TransportDefinition definition = define(factory, context);
		for (ExchangeTransportDecorator<?> decorator : this.decorators) {
			definition = decorate(decorator, definition, context);
		}
		return definition;
	}

	private <S> TransportDefinition decorate(ExchangeTransportDecorator<S> decorator, TransportDefinition definition,
			ExchangeSettingsContext context) {
		String group = decorator.settingsGroup();
		S settings = ExchangeDefaultsBindHandler.bind(this.binder, context.exchange(), group,
				decorator.createSettings());
		return decorator.decorate(definition, settings, context.group(group));
	}

	private <S> TransportDefinition define(ExchangeTransportFactory<S> factory, ExchangeSettingsContext context) {
		String group = factory.settingsGroup();
		S settings = ExchangeDefaultsBindHandler.bind(this.binder, context.exchange(), group, factory.createSettings());
		return factory.define(settings, context.group(group));
	}

}
