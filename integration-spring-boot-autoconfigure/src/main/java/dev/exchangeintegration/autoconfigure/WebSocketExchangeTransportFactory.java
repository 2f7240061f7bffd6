package dev.exchangeintegration.autoconfigure;

import java.time.Duration;
import java.util.List;

import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Exchange;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Protocol;
import dev.exchangeintegration.core.Transport;
import dev.exchangeintegration.websocket.WebSocketClientCustomizer;
import dev.exchangeintegration.websocket.WebSocketTransport;
import dev.exchangeintegration.websocket.WebSocketTransportSpec;
import io.netty.channel.ChannelOption;
import io.netty.handler.ssl.SslContext;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ssl.SslBundles;

/**
 * Creates {@link WebSocketTransport WebSocket transports}. All exchanges share one set of
 * event loop threads ({@code exchange-ws-*}), owned by this factory and shut down with
 * it, so that no thread outlives the application context and reconnections never create
 * new threads.
 * <p>
 * {@code wss://} connections verify the server's certificate and host name, against the
 * JDK's trusted CAs or, when {@code ssl.bundle} is set, against that Spring Boot SSL
 * bundle, which may also carry a client certificate.
 */
public class WebSocketExchangeTransportFactory implements ExchangeTransportFactory, DisposableBean {

	private final LoopResources loopResources = LoopResources.create("exchange-ws",
			LoopResources.DEFAULT_IO_WORKER_COUNT, true);

	private final List<WebSocketClientCustomizer> customizers;

	private final @Nullable SslBundles sslBundles;

	/**
	 * Create a new factory with no SSL bundles.
	 * @param customizers customizers applied, in order, to every exchange's client
	 */
	public WebSocketExchangeTransportFactory(List<WebSocketClientCustomizer> customizers) {
		this(customizers, null);
	}

	/**
	 * Create a new factory.
	 * @param customizers customizers applied, in order, to every exchange's client
	 * @param sslBundles the SSL bundles that {@code ssl.bundle} names, if any
	 */
	public WebSocketExchangeTransportFactory(List<WebSocketClientCustomizer> customizers,
			@Nullable SslBundles sslBundles) {
		this.customizers = customizers;
		this.sslBundles = sslBundles;
	}

	@Override
	public boolean supports(Protocol protocol) {
		return protocol == Protocol.WEBSOCKET;
	}

	@Override
	@SuppressWarnings("NullAway")
	public Transport create(String name, Exchange exchange) {
		HttpClient client = HttpClient.create(ConnectionProvider.newConnection())
			.runOn(this.loopResources)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
					(int) Math.min(Integer.MAX_VALUE, Math.max(1, exchange.getConnectTimeout().toMillis())));
		String bundle = exchange.getSsl().getBundle();
		if (bundle != null) {
			SslContext sslContext = sslContext(name, exchange, bundle);
			client = client.secure((spec) -> spec.sslContext(sslContext));
		}
		for (WebSocketClientCustomizer customizer : this.customizers) {
			client = customizer.customize(name, client);
		}
		return new WebSocketTransport(client,
				new WebSocketTransportSpec(exchange.getUrl(), (int) exchange.getMaxFrameSize().toBytes()));
	}

	private SslContext sslContext(String name, Exchange exchange, String bundleName) {
		String property = ExchangeStreamRegistrar.property(name, "ssl.bundle");
		if (!"wss".equalsIgnoreCase(exchange.getUrl().getScheme())) {
			throw new InvalidExchangeConfigurationException(property,
					"Exchange '" + name + "' names SSL bundle '" + bundleName + "' but its url is not wss://.",
					"Use a wss:// url, or remove " + property + ".");
		}
		return SslContexts.forBundle(this.sslBundles, bundleName, property);
	}

	@Override
	public void destroy() {
		this.loopResources.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
	}

}
