package dev.exchangeintegration.autoconfigure;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.SSLException;

import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Exchange;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Protocol;
import dev.exchangeintegration.core.Transport;
import dev.exchangeintegration.websocket.WebSocketClientCustomizer;
import dev.exchangeintegration.websocket.WebSocketTransport;
import dev.exchangeintegration.websocket.WebSocketTransportSpec;
import io.netty.channel.ChannelOption;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslManagerBundle;
import org.springframework.boot.ssl.SslOptions;

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
		SslBundle bundle;
		try {
			if (this.sslBundles == null) {
				throw new NoSuchSslBundleException(bundleName, "No SslBundles bean is available");
			}
			bundle = this.sslBundles.getBundle(bundleName);
		}
		catch (NoSuchSslBundleException ex) {
			throw new InvalidExchangeConfigurationException(property,
					"Exchange '" + name + "' names SSL bundle '" + bundleName + "', which does not exist.",
					"Define it under spring.ssl.bundle.pem." + bundleName + " or spring.ssl.bundle.jks." + bundleName
							+ ", or fix " + property + ".",
					ex);
		}
		SslManagerBundle managers = bundle.getManagers();
		SslOptions options = bundle.getOptions();
		try {
			SslContextBuilder builder = SslContextBuilder.forClient()
				.keyManager(managers.getKeyManagerFactory())
				.trustManager(managers.getTrustManagerFactory());
			if (options.getCiphers() != null) {
				builder.ciphers(Arrays.asList(options.getCiphers()));
			}
			if (options.getEnabledProtocols() != null) {
				builder.protocols(options.getEnabledProtocols());
			}
			return builder.build();
		}
		catch (SSLException ex) {
			throw new InvalidExchangeConfigurationException(property,
					"SSL bundle '" + bundleName + "' of exchange '" + name + "' cannot be used: " + ex.getMessage(),
					"Check the bundle's certificates and keys.", ex);
		}
	}

	@Override
	public void destroy() {
		this.loopResources.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
	}

}
