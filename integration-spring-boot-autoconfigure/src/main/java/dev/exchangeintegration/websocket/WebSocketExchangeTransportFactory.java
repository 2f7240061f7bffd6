package dev.exchangeintegration.websocket;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.SSLException;

import dev.exchangeintegration.autoconfigure.ExchangeSettingsContext;
import dev.exchangeintegration.autoconfigure.SslContexts;
import dev.exchangeintegration.autoconfigure.transport.ExchangeTransportFactory;
import dev.exchangeintegration.autoconfigure.transport.TransportEndpoints;
import dev.exchangeintegration.core.DefaultExchangeStream;
import dev.exchangeintegration.core.HeartbeatSpec;
import dev.exchangeintegration.core.SubscriptionAckSpec;
import dev.exchangeintegration.core.Transport;
import io.netty.channel.ChannelOption;
import io.netty.handler.ssl.SslContext;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

/**
 * The {@code websocket} protocol, the default: {@link WebSocketTransport WebSocket
 * transports} configured by {@link WebSocketSettings}, which sit at the exchange's own
 * level ({@code url}, {@code subscriptions}, {@code heartbeat.*}...). All exchanges share
 * one set of event loop threads ({@code exchange-ws-*}), owned by this factory and shut
 * down with it, so that no thread outlives the application context and reconnections
 * never create new threads.
 * <p>
 * {@code wss://} connections verify the server's certificate and host name, against the
 * JDK's trusted CAs or, when {@code ssl.bundle} is set, against that Spring Boot SSL
 * bundle, which may also carry a client certificate.
 */
public class WebSocketExchangeTransportFactory implements ExchangeTransportFactory<WebSocketSettings>, DisposableBean {

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
	public String protocol() {
		return "websocket";
	}

	@Override
	public String settingsGroup() {
		return "";
	}

	@Override
	public WebSocketSettings createSettings() {
		return new WebSocketSettings();
	}

	@Override
	public TransportDefinition define(WebSocketSettings settings, ExchangeSettingsContext context) {
		URI url = url(settings, context);
		long maxFrameSize = settings.getMaxFrameSize().toBytes();
		if (maxFrameSize < 1 || maxFrameSize > Integer.MAX_VALUE) {
			throw context.invalid("max-frame-size", settings.getMaxFrameSize(),
					"Exchange '" + context.exchange() + "' has max-frame-size " + settings.getMaxFrameSize() + ".",
					"Set " + context.property("max-frame-size") + " between 1B and 2047MB.");
		}
		SubscriptionAckSpec ack = WebSocketStreamSpecs.subscriptionAck(settings, context);
		HeartbeatSpec heartbeat = WebSocketStreamSpecs.heartbeat(settings, context);
		String bundle = settings.getSsl().getBundle();
		SslContext sslContext = (bundle != null) ? sslContext(url, bundle, context) : null;
		WebSocketTransportSpec spec = new WebSocketTransportSpec(url, (int) maxFrameSize);
		Duration connectTimeout = context.common().getConnectTimeout();
		List<String> subscriptions = List.copyOf(settings.getSubscriptions());
		return new TransportDefinition() {

			@Override
			public Transport createTransport() {
				return new WebSocketTransport(client(context.exchange(), connectTimeout, sslContext), spec);
			}

			@Override
			public void configure(DefaultExchangeStream.Builder<?, ?> stream) {
				stream.subscriptions(subscriptions).subscriptionAck(ack).heartbeat(heartbeat);
			}

			@Override
			public String endpoint() {
				return TransportEndpoints.withoutSecrets(url);
			}

		};
	}

	private static URI url(WebSocketSettings settings, ExchangeSettingsContext context) {
		URI url = settings.getUrl();
		String name = context.exchange();
		if (url == null) {
			throw context.invalid("url", null, "Exchange '" + name + "' has no url.", "Set " + context.property("url")
					+ " to the exchange's endpoint, for example wss://fstream.binance.com/ws.");
		}
		if (!"ws".equalsIgnoreCase(url.getScheme()) && !"wss".equalsIgnoreCase(url.getScheme())) {
			throw context.invalid("url", url,
					"Exchange '" + name + "' has url '" + url + "', whose scheme is not ws or wss.",
					"Set " + context.property("url") + " to a ws:// or wss:// URL, or set "
							+ context.property("protocol") + " to the protocol of that endpoint, such as rest-poll.");
		}
		if (url.getHost() == null) {
			throw context.invalid("url", url, "Exchange '" + name + "' has url '" + url + "', which names no host.",
					"Set " + context.property("url")
							+ " to a URL with a valid host name, for example wss://fstream.binance.com/ws.");
		}
		return url;
	}

	private SslContext sslContext(URI url, String bundleName, ExchangeSettingsContext context) {
		String property = context.property("ssl.bundle");
		if (!"wss".equalsIgnoreCase(url.getScheme())) {
			throw context.invalid("ssl.bundle", bundleName, "Exchange '" + context.exchange() + "' names SSL bundle '"
					+ bundleName + "' but its url is not wss://.", "Use a wss:// url, or remove " + property + ".");
		}
		SslBundle bundle;
		try {
			if (this.sslBundles == null) {
				throw new NoSuchSslBundleException(bundleName, "No SslBundles bean is available");
			}
			bundle = this.sslBundles.getBundle(bundleName);
		}
		catch (NoSuchSslBundleException ex) {
			throw context.invalid("ssl.bundle", bundleName, "SSL bundle '" + bundleName + "' does not exist.",
					"Define it under spring.ssl.bundle.pem." + bundleName + " or spring.ssl.bundle.jks." + bundleName
							+ ", or fix " + property + ".",
					ex);
		}
		try {
			return SslContexts.forClient(bundle);
		}
		catch (SSLException ex) {
			throw context.invalid("ssl.bundle", bundleName,
					"SSL bundle '" + bundleName + "' cannot be used: " + ex.getMessage(),
					"Check the bundle's certificates and keys.", ex);
		}
	}

	private HttpClient client(String exchange, Duration connectTimeout, @Nullable SslContext sslContext) {
		HttpClient client = HttpClient.create(ConnectionProvider.newConnection())
			.runOn(this.loopResources)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
					(int) Math.min(Integer.MAX_VALUE, Math.max(1, connectTimeout.toMillis())));
		if (sslContext != null) {
			client = client.secure((spec) -> spec.sslContext(sslContext));
		}
		for (WebSocketClientCustomizer customizer : this.customizers) {
			client = customizer.customize(exchange, client);
		}
		return client;
	}

	@Override
	public void destroy() {
		this.loopResources.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
	}

}
