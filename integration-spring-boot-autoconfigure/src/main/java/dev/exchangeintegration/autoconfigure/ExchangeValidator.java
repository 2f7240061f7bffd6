package dev.exchangeintegration.autoconfigure;

import java.net.URI;

import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Exchange;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Protocol;

/**
 * Checks the settings of one exchange that binding alone cannot check.
 */
final class ExchangeValidator {

	private ExchangeValidator() {
	}

	static void validate(String name, Exchange exchange) {
		URI url = exchange.getUrl();
		String urlProperty = ExchangeStreamRegistrar.property(name, "url");
		if (url == null) {
			throw new InvalidExchangeConfigurationException(urlProperty, "Exchange '" + name + "' has no url.",
					"Set " + urlProperty + " to the exchange's endpoint, for example wss://fstream.binance.com/ws.");
		}
		if (exchange.getProtocol() == Protocol.WEBSOCKET && !isWebSocket(url)) {
			throw new InvalidExchangeConfigurationException(urlProperty,
					"Exchange '" + name + "' has url '" + url + "', whose scheme is not ws or wss.",
					"Set " + urlProperty + " to a ws:// or wss:// URL.");
		}
		if (url.getHost() == null) {
			throw new InvalidExchangeConfigurationException(urlProperty,
					"Exchange '" + name + "' has url '" + url + "', which names no host.", "Set " + urlProperty
							+ " to a URL with a valid host name, for example wss://fstream.binance.com/ws.");
		}
		long maxFrameSize = exchange.getMaxFrameSize().toBytes();
		if (maxFrameSize < 1 || maxFrameSize > Integer.MAX_VALUE) {
			String property = ExchangeStreamRegistrar.property(name, "max-frame-size");
			throw new InvalidExchangeConfigurationException(property,
					"Exchange '" + name + "' has max-frame-size " + exchange.getMaxFrameSize() + ".",
					"Set " + property + " between 1B and 2047MB.");
		}
		ExchangeSpecs.validate(name, exchange);
		if (exchange.getBufferSize() < 1) {
			String property = ExchangeStreamRegistrar.property(name, "buffer-size");
			throw new InvalidExchangeConfigurationException(property,
					"Exchange '" + name + "' has buffer-size " + exchange.getBufferSize() + ".",
					"Set " + property + " to a positive number.");
		}
	}

	private static boolean isWebSocket(URI url) {
		return "ws".equalsIgnoreCase(url.getScheme()) || "wss".equalsIgnoreCase(url.getScheme());
	}

}
