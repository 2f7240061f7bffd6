package dev.exchangeintegration.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Exchange;
import dev.exchangeintegration.autoconfigure.transport.ExchangeTransportFactory;
import dev.exchangeintegration.autoconfigure.transport.ExchangeTransportFactory.TransportDefinition;

import org.springframework.boot.context.properties.bind.Binder;

/**
 * The transport factories by protocol: binds the settings group of an exchange's protocol
 * and lets the factory check them.
 */
final class ExchangeTransports {

	private final Map<String, ExchangeTransportFactory<?>> factories = new LinkedHashMap<>();

	private final Binder binder;

	/**
	 * Create a new instance.
	 * @param factories the factories, in order: the first one for a protocol wins
	 * @param binder the binder of the settings
	 */
	ExchangeTransports(List<ExchangeTransportFactory<?>> factories, Binder binder) {
		factories.forEach((factory) -> this.factories.putIfAbsent(factory.protocol(), factory));
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
		return define(factory, context);
	}

	private <S> TransportDefinition define(ExchangeTransportFactory<S> factory, ExchangeSettingsContext context) {
		String group = factory.settingsGroup();
		S settings = ExchangeDefaultsBindHandler.bind(this.binder, context.exchange(), group, factory.createSettings());
		return factory.define(settings, context.group(group));
	}

}
