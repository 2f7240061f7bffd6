package dev.exchangeintegration.autoconfigure;

import java.net.URI;
import java.util.Set;

import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Exchange;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Protocol;

/**
 * Checks the settings of one exchange that binding alone cannot check.
 */
final class ExchangeValidator {

	private ExchangeValidator() {
	}

	static void validate(String name, Exchange exchange, Set<String> restClients) {
		if (exchange.getProtocol() == Protocol.REST_POLL) {
			validateRestPoll(name, exchange, restClients);
		}
		else {
			validateUrl(name, exchange);
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

	private static void validateUrl(String name, Exchange exchange) {
		URI url = exchange.getUrl();
		String urlProperty = ExchangeStreamRegistrar.property(name, "url");
		if (url == null) {
			throw new InvalidExchangeConfigurationException(urlProperty, "Exchange '" + name + "' has no url.",
					"Set " + urlProperty + " to the exchange's endpoint, for example wss://fstream.binance.com/ws.");
		}
		if (!isWebSocket(url)) {
			throw new InvalidExchangeConfigurationException(urlProperty,
					"Exchange '" + name + "' has url '" + url + "', whose scheme is not ws or wss.",
					"Set " + urlProperty + " to a ws:// or wss:// URL, or set protocol to rest-poll to poll an "
							+ "http(s) endpoint.");
		}
		requireHost(urlProperty, name, url);
	}

	private static void validateRestPoll(String name, Exchange exchange, Set<String> restClients) {
		URI url = exchange.getUrl();
		String client = exchange.getClient();
		String urlProperty = ExchangeStreamRegistrar.property(name, "url");
		String clientProperty = ExchangeStreamRegistrar.property(name, "client");
		if ((url == null) == (client == null)) {
			throw new InvalidExchangeConfigurationException(urlProperty,
					"Exchange '" + name + "' polls REST, and needs exactly one of url and client.",
					"Set " + urlProperty + " to an http(s) URL, or " + clientProperty + " and "
							+ ExchangeStreamRegistrar.property(name, "path") + ".");
		}
		if (url != null) {
			if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
				throw new InvalidExchangeConfigurationException(urlProperty,
						"Exchange '" + name + "' polls REST but has url '" + url
								+ "', whose scheme is not http or https.",
						"Set " + urlProperty + " to an http:// or https:// URL.");
			}
			requireHost(urlProperty, name, url);
		}
		else {
			if (!restClients.contains(client)) {
				throw new InvalidExchangeConfigurationException(clientProperty,
						"Exchange '" + name + "' polls with REST client '" + client + "', which is not configured.",
						"Configure exchange-integration.rest." + client + ".base-url, or use one of " + restClients
								+ ".");
			}
			String path = exchange.getPath();
			if (path == null || !path.startsWith("/")) {
				String pathProperty = ExchangeStreamRegistrar.property(name, "path");
				throw new InvalidExchangeConfigurationException(pathProperty,
						"Exchange '" + name + "' polls with a client but its path is '" + path + "'.",
						"Set " + pathProperty + " to a path starting with /, such as /fapi/v1/premiumIndex.");
			}
		}
		if (!exchange.getSubscriptions().isEmpty()) {
			String property = ExchangeStreamRegistrar.property(name, "subscriptions");
			throw new InvalidExchangeConfigurationException(property,
					"Exchange '" + name + "' polls REST, which has nothing to send subscriptions on.",
					"Remove " + property + ", or put the parameters in "
							+ ExchangeStreamRegistrar.property(name, "query") + ".");
		}
		if (exchange.getHeartbeat().getInterval() != null) {
			String property = ExchangeStreamRegistrar.property(name, "heartbeat.interval");
			throw new InvalidExchangeConfigurationException(property,
					"Exchange '" + name + "' polls REST, which has no pings.",
					"Remove the heartbeat settings; use stale-timeout to catch a feed that stops.");
		}
		if (exchange.getInterval().isNegative() || exchange.getInterval().isZero()) {
			String property = ExchangeStreamRegistrar.property(name, "interval");
			throw new InvalidExchangeConfigurationException(property,
					"Exchange '" + name + "' has interval " + exchange.getInterval() + ".",
					"Set " + property + " to a positive duration, for example 1s.");
		}
	}

	private static void requireHost(String urlProperty, String name, URI url) {
		if (url.getHost() == null) {
			throw new InvalidExchangeConfigurationException(urlProperty,
					"Exchange '" + name + "' has url '" + url + "', which names no host.", "Set " + urlProperty
							+ " to a URL with a valid host name, for example wss://fstream.binance.com/ws.");
		}
	}

	private static boolean isWebSocket(URI url) {
		return "ws".equalsIgnoreCase(url.getScheme()) || "wss".equalsIgnoreCase(url.getScheme());
	}

}
