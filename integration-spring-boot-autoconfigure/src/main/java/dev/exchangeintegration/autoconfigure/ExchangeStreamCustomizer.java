package dev.exchangeintegration.autoconfigure;

import dev.exchangeintegration.core.DefaultExchangeStream;

/**
 * Customizes the builder of every exchange stream the auto-configuration creates, after
 * the configured settings are applied. Every bean of this type is called, in order.
 */
@FunctionalInterface
public interface ExchangeStreamCustomizer {

	/**
	 * Customize the builder of one stream.
	 * @param builder the builder; {@link DefaultExchangeStream.Builder#name()} names the
	 * exchange
	 */
	void customize(DefaultExchangeStream.Builder<?, ?> builder);

}
