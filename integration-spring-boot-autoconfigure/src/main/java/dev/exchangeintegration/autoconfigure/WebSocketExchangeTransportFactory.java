package dev.exchangeintegration.autoconfigure;

import java.time.Duration;
import java.util.List;

import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Exchange;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Protocol;
import dev.exchangeintegration.core.Transport;
import dev.exchangeintegration.websocket.WebSocketClientCustomizer;
import dev.exchangeintegration.websocket.WebSocketTransport;
import dev.exchangeintegration.websocket.WebSocketTransportSpec;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import org.springframework.beans.factory.DisposableBean;

/**
 * Creates {@link WebSocketTransport WebSocket transports}. All exchanges share one set of
 * event loop threads ({@code exchange-ws-*}), owned by this factory and shut down with
 * it, so that no thread outlives the application context and reconnections never create
 * new threads.
 */
public class WebSocketExchangeTransportFactory implements ExchangeTransportFactory, DisposableBean {

	private final LoopResources loopResources = LoopResources.create("exchange-ws",
			LoopResources.DEFAULT_IO_WORKER_COUNT, true);

	private final List<WebSocketClientCustomizer> customizers;

	/**
	 * Create a new factory.
	 * @param customizers customizers applied, in order, to every exchange's client
	 */
	public WebSocketExchangeTransportFactory(List<WebSocketClientCustomizer> customizers) {
		this.customizers = customizers;
	}

	@Override
	public boolean supports(Protocol protocol) {
		return protocol == Protocol.WEBSOCKET;
	}

	@Override
	@SuppressWarnings("NullAway")
	public Transport create(String name, Exchange exchange) {
		HttpClient client = HttpClient.create(ConnectionProvider.newConnection()).runOn(this.loopResources);
		for (WebSocketClientCustomizer customizer : this.customizers) {
			client = customizer.customize(name, client);
		}
		return new WebSocketTransport(client,
				new WebSocketTransportSpec(exchange.getUrl(), (int) exchange.getMaxFrameSize().toBytes()));
	}

	@Override
	public void destroy() {
		this.loopResources.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
	}

}
