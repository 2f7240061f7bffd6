package dev.exchangeintegration.autoconfigure;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.exchangeintegration.rest.ApiErrorParser;
import dev.exchangeintegration.rest.ApiErrorParsers;
import dev.exchangeintegration.rest.BinanceSigner;
import dev.exchangeintegration.rest.BybitSigner;
import dev.exchangeintegration.rest.DefaultExchangeRestClient;
import dev.exchangeintegration.rest.HmacSigner;
import dev.exchangeintegration.rest.KrakenSigner;
import dev.exchangeintegration.rest.OkxSigner;
import dev.exchangeintegration.rest.RateLimitSpec;
import dev.exchangeintegration.rest.RequestSigner;
import dev.exchangeintegration.rest.RestCredentials;
import dev.exchangeintegration.rest.RestRateLimiter;
import dev.exchangeintegration.rest.RestRequestObserver;
import dev.exchangeintegration.rest.RestRetrySpec;
import io.netty.handler.ssl.SslContext;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ssl.SslBundles;

/**
 * Creates the {@link DefaultExchangeRestClient} of each {@code exchange-integration.rest}
 * entry. All clients share one set of event loop threads ({@code exchange-rest-*}) and
 * one rate-limit timer thread, owned by this factory and shut down with it; each client
 * has its own connection pool.
 */
public class ExchangeRestClientFactory implements DisposableBean {

	private final LoopResources loopResources = LoopResources.create("exchange-rest", 2, true);

	private final Scheduler limiterScheduler = Schedulers.newSingle("exchange-rest-limiter", true);

	private final List<ConnectionProvider> connectionProviders = new ArrayList<>();

	private final ObjectMapper mapper;

	private final Clock clock;

	private final RestRequestObserver observer;

	private final @Nullable SslBundles sslBundles;

	private final BeanFactory beanFactory;

	/**
	 * Create a new factory.
	 * @param mapper the mapper bodies are encoded and responses parsed with
	 * @param clock the clock of timestamps, nonces and rate-limit windows
	 * @param observer the observer of every HTTP exchange
	 * @param sslBundles the SSL bundles that {@code ssl.bundle} names, if any
	 * @param beanFactory the bean factory that signer and error parser beans are looked
	 * up in
	 */
	public ExchangeRestClientFactory(ObjectMapper mapper, Clock clock, RestRequestObserver observer,
			@Nullable SslBundles sslBundles, BeanFactory beanFactory) {
		this.mapper = mapper;
		this.clock = clock;
		this.observer = observer;
		this.sslBundles = sslBundles;
		this.beanFactory = beanFactory;
	}

	/**
	 * Create the client of a configuration entry, already validated.
	 * @param name the client name
	 * @param properties its settings
	 * @return the client
	 */
	@SuppressWarnings("NullAway")
	public synchronized DefaultExchangeRestClient create(String name, RestClientProperties properties) {
		// exchanges and load balancers drop idle keep-alive connections: evict them
		// first,
		// so that a POST never goes out on a connection about to be closed
		ConnectionProvider connections = ConnectionProvider.builder("exchange-rest-" + name)
			.maxConnections(50)
			.maxIdleTime(Duration.ofSeconds(20))
			.evictInBackground(Duration.ofSeconds(30))
			.build();
		this.connectionProviders.add(connections);
		HttpClient httpClient = HttpClient.create(connections).runOn(this.loopResources);
		String bundle = properties.getSsl().getBundle();
		if (bundle != null) {
			SslContext sslContext = SslContexts.forBundle(this.sslBundles, bundle,
					RestClientValidator.property(name, "ssl.bundle"));
			httpClient = httpClient.secure((spec) -> spec.sslContext(sslContext));
		}
		List<RateLimitSpec> limits = new ArrayList<>();
		for (int i = 0; i < properties.getRateLimits().size(); i++) {
			limits.add(RestClientValidator.rateLimit(name, i, properties.getRateLimits().get(i)));
		}
		RestClientProperties.Retry retry = properties.getRetry();
		return DefaultExchangeRestClient.builder(name, httpClient, properties.getBaseUrl(), this.mapper)
			.timeout(properties.getTimeout())
			.bodyEncoding(properties.getBodyEncoding())
			.signer(signer(name, properties),
					new RestCredentials(properties.getApiKey(), properties.getSecret(), properties.getPassphrase()))
			.errorParser(errorParser(properties))
			.rateLimiter(new RestRateLimiter(name, limits, properties.getRateLimitMaxWait(), this.clock,
					this.limiterScheduler))
			.retry(new RestRetrySpec(retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMaxBackoff()))
			.defaultHeaders(properties.getDefaultHeaders())
			.clock(this.clock)
			.observer(this.observer)
			.build();
	}

	/**
	 * Create the client of an {@code exchange-integration.rest} entry, already validated:
	 * the factory method of the client beans.
	 * @param name the client name
	 * @return the client
	 */
	public DefaultExchangeRestClient createClient(String name) {
		RestClientProperties properties = this.beanFactory.getBean(ExchangeIntegrationProperties.class)
			.getRest()
			.get(name);
		if (properties == null) {
			throw new IllegalStateException("No REST client named '" + name + "' is configured");
		}
		return create(name, properties);
	}

	/**
	 * Create a client with the default settings for a base URL, such as the client of a
	 * {@code rest-poll} exchange with a plain {@code url}.
	 * @param name the client name
	 * @param baseUrl the base URL
	 * @return the client
	 */
	public DefaultExchangeRestClient forBaseUrl(String name, URI baseUrl) {
		RestClientProperties properties = new RestClientProperties();
		properties.setBaseUrl(baseUrl);
		return create(name, properties);
	}

	private @Nullable RequestSigner signer(String name, RestClientProperties properties) {
		String signer = properties.getSigner();
		if (signer == null) {
			return null;
		}
		Duration recvWindow = properties.getRecvWindow();
		return switch (signer) {
			case "binance" -> new BinanceSigner(recvWindow);
			case "kraken" -> new KrakenSigner();
			case "okx" -> new OkxSigner();
			case "bybit" -> (recvWindow != null) ? new BybitSigner(recvWindow) : new BybitSigner();
			case "hmac" -> new HmacSigner(RestClientValidator.hmac(name, properties.getHmac()));
			default -> this.beanFactory.getBean(signer, RequestSigner.class);
		};
	}

	private ApiErrorParser errorParser(RestClientProperties properties) {
		String name = RestClientValidator.errorParserName(properties);
		if (name == null || name.equals("none")) {
			return ApiErrorParsers.none();
		}
		return ApiErrorParsers.isBuiltIn(name) ? ApiErrorParsers.forName(name)
				: this.beanFactory.getBean(name, ApiErrorParser.class);
	}

	@Override
	public void destroy() {
		for (ConnectionProvider connections : this.connectionProviders) {
			dispose(() -> connections.disposeLater().block(Duration.ofSeconds(5)));
		}
		dispose(this.limiterScheduler::dispose);
		dispose(() -> this.loopResources.disposeLater(Duration.ZERO, Duration.ofSeconds(5))
			.block(Duration.ofSeconds(10)));
	}

	private static void dispose(Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			// go on disposing the rest
		}
	}

}
