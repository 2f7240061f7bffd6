package dev.exchangeintegration.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Exchange;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

/**
 * Resolves the effective settings of every exchange: the shared
 * {@code exchange-integration.defaults}, overridden by whatever
 * {@code exchange-integration.exchanges.NAME} sets itself.
 */
final class ExchangeSettings {

	private static final ConfigurationPropertyName DEFAULTS = ConfigurationPropertyName
		.of(ExchangeIntegrationProperties.PREFIX + ".defaults");

	private static final ConfigurationPropertyName EXCHANGES = ConfigurationPropertyName
		.of(ExchangeIntegrationProperties.PREFIX + ".exchanges");

	private ExchangeSettings() {
	}

	/**
	 * Bind the settings of every configured exchange, in declaration order.
	 * @param binder the binder over the environment
	 * @return the effective settings by exchange name
	 */
	static Map<String, Exchange> bind(Binder binder) {
		Map<String, Exchange> declared = binder.bind(EXCHANGES, Bindable.mapOf(String.class, Exchange.class))
			.orElse(Map.of());
		Map<String, Exchange> effective = new LinkedHashMap<>();
		for (String name : declared.keySet()) {
			// Binding onto an existing instance sets only the properties present, so the
			// exchange's own settings land on top of the defaults.
			Exchange exchange = new Exchange();
			binder.bind(DEFAULTS, Bindable.ofInstance(exchange));
			binder.bind(EXCHANGES.append(name), Bindable.ofInstance(exchange));
			effective.put(name, exchange);
		}
		return effective;
	}

}
