package dev.exchangeintegration.autoconfigure.transport;

import dev.exchangeintegration.autoconfigure.ExchangeSettingsContext;
import dev.exchangeintegration.core.DefaultExchangeStream;
import dev.exchangeintegration.core.Transport;
import org.jspecify.annotations.Nullable;

/**
 * A transport protocol. Adding a transport means adding a bean of this type; the core and
 * the auto-configuration do not change.
 * <p>
 * An exchange with {@code protocol: NAME} uses the factory whose {@link #protocol()} is
 * {@code NAME}. The factory's settings are bound from
 * {@code exchange-integration.exchanges.EXCHANGE.GROUP.*} on top of
 * {@code exchange-integration.defaults.GROUP.*}, where {@code GROUP} is the
 * {@link #settingsGroup() settings group}, then {@link #define defined} once per enabled
 * exchange at startup: that is where they are checked, failing with Boot's
 * {@code InvalidConfigurationPropertyValueException} (see
 * {@link ExchangeSettingsContext#invalid}).
 *
 * @param <S> the settings type: a JavaBean with a description on each field, so that the
 * configuration processor documents it
 */
public interface ExchangeTransportFactory<S> {

	/**
	 * Return the protocol name, the value of
	 * {@code exchange-integration.exchanges.NAME.protocol} that selects this factory,
	 * such as {@code websocket}.
	 * @return the protocol name
	 */
	String protocol();

	/**
	 * Return the settings group, relative to the exchange. The {@link #protocol()} by
	 * default; empty for settings at the exchange's own level, like the WebSocket
	 * {@code url}.
	 * @return the settings group
	 */
	default String settingsGroup() {
		return protocol();
	}

	/**
	 * Create settings holding the built-in defaults, to bind the configuration onto.
	 * @return new settings
	 */
	S createSettings();

	/**
	 * Check the settings of one exchange and return what creates its transport.
	 * @param settings the bound settings, with the shared defaults merged in
	 * @param context names the exchange's properties for failures
	 * @return the definition of the exchange's transport
	 * @throws RuntimeException a Boot configuration exception naming the property when
	 * the settings cannot work
	 */
	TransportDefinition define(S settings, ExchangeSettingsContext context);

	/**
	 * The checked transport of one exchange.
	 */
	@FunctionalInterface
	interface TransportDefinition {

		/**
		 * Create the transport. Called once, when the exchange's stream is created.
		 * @return the transport
		 */
		Transport createTransport();

		/**
		 * Apply the transport's stream settings, such as subscriptions sent as each
		 * connection opens, keep-alive pings or acknowledgements. Does nothing by
		 * default.
		 * @param stream the builder of the exchange's stream
		 */
		default void configure(DefaultExchangeStream.Builder<?, ?> stream) {
		}

		/**
		 * Return where the transport connects, for operators to read (the
		 * {@code exchanges} Actuator endpoint): a URL or {@code host:port}, with any
		 * credentials and query values masked (see
		 * {@link TransportEndpoints#withoutSecrets(java.net.URI)}). Unknown by default.
		 * @return the endpoint, or {@code null} when unknown
		 */
		default @Nullable String endpoint() {
			return null;
		}

		/**
		 * Return the parser format that this transport's frames need, used when the
		 * exchange sets no {@code parser} of its own, such as {@code fix} for frames that
		 * carry a message the transport has already decoded. {@code null} by default: the
		 * exchange's {@code parser}, or its shared default, applies.
		 * @return the parser format, or {@code null}
		 */
		default @Nullable String parser() {
			return null;
		}

	}

}
