package dev.exchangeintegration.websocket;

import reactor.netty.http.client.HttpClient;

/**
 * Customizes the Reactor Netty {@link HttpClient} of an exchange's WebSocket connection,
 * for example to add headers, a proxy or wiretap logging.
 */
@FunctionalInterface
public interface WebSocketClientCustomizer {

	/**
	 * Customize the client of one exchange.
	 * @param exchange the exchange name
	 * @param client the client
	 * @return the customized client
	 */
	HttpClient customize(String exchange, HttpClient client);

}
