package dev.exchangeintegration.test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.exchangeintegration.autoconfigure.ExchangeSettingsContext;
import dev.exchangeintegration.core.DefaultExchangeStream;
import dev.exchangeintegration.core.Transport;
import dev.exchangeintegration.websocket.WebSocketExchangeTransportFactory;
import dev.exchangeintegration.websocket.WebSocketSettings;
import reactor.core.publisher.Mono;

/**
 * The WebSocket transport factory, checking settings as usual, that records the settings
 * bound for each exchange and creates transports that never connect.
 */
public class CapturingWebSocketTransportFactory extends WebSocketExchangeTransportFactory {

	private final Map<String, WebSocketSettings> defined = new ConcurrentHashMap<>();

	public CapturingWebSocketTransportFactory() {
		super(List.of());
	}

	@Override
	public TransportDefinition define(WebSocketSettings settings, ExchangeSettingsContext context) {
		TransportDefinition definition = super.define(settings, context);
		this.defined.put(context.exchange(), settings);
		return new TransportDefinition() {

			@Override
			public Transport createTransport() {
				return (handler) -> Mono.never();
			}

			@Override
			public void configure(DefaultExchangeStream.Builder<?, ?> stream) {
				definition.configure(stream);
			}

		};
	}

	/**
	 * Return the settings bound for each exchange that was defined.
	 * @return the settings by exchange name
	 */
	public Map<String, WebSocketSettings> defined() {
		return this.defined;
	}

}
