package dev.exchangeintegration.autoconfigure.transport;

import dev.exchangeintegration.autoconfigure.ExchangeSettingsContext;
import dev.exchangeintegration.autoconfigure.transport.ExchangeTransportFactory.TransportDefinition;

/**
 * Adds behaviour to the transport of every exchange, whatever its protocol, such as
 * recording its frames. Adding one means adding a bean of this type.
 * <p>
 * Its settings are bound, like a transport's, from
 * {@code exchange-integration.exchanges.EXCHANGE.GROUP.*} on top of
 * {@code exchange-integration.defaults.GROUP.*}, then {@link #decorate decorate} is
 * called once per enabled exchange at startup, after the exchange's transport factory has
 * defined its transport: that is where they are checked.
 *
 * @param <S> the settings type: a JavaBean with a description on each field
 */
public interface ExchangeTransportDecorator<S> {

	/**
	 * Return the settings group, relative to the exchange, such as {@code record}.
	 * @return the settings group
	 */
	String settingsGroup();

	/**
	 * Create settings holding the built-in defaults, to bind the configuration onto.
	 * @return new settings
	 */
	S createSettings();

	/**
	 * Check the settings of one exchange and return its transport definition, decorated
	 * or, when the settings turn the decorator off, as it is.
	 * @param definition the transport definition, from the protocol's factory or an
	 * earlier decorator
	 * @param settings the bound settings, with the shared defaults merged in
	 * @param context names the exchange's properties for failures
	 * @return the definition to use
	 */
	TransportDefinition decorate(TransportDefinition definition, S settings, ExchangeSettingsContext context);

}
