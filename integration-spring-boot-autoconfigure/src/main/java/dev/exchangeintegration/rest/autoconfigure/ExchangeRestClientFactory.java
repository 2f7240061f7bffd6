package dev.exchangeintegration.rest.autoconfigure;

import java.net.URI;
import java.time.Clock;

import dev.exchangeintegration.rest.DefaultExchangeRestClient;
import dev.exchangeintegration.rest.RestClientSpec;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Creates the {@link DefaultExchangeRestClient} of each {@code exchange-integration.rest}
 * entry, on a clone of Spring Boot's auto-configured {@link WebClient.Builder}, so that
 * {@code WebClientCustomizer} beans, Boot's codecs and observations apply to every
 * client, with a connector of its own built by Boot's connector builder, so that Boot's
 * HTTP client settings and the client's SSL bundle apply (see
 * {@link RestClientConnectors}). Each client's settings are checked once, when they
 * become its {@link RestClientSpec}. The connection pools and one rate-limit timer
 * thread, shared by all clients, are owned by this factory and shut down with it.
 */
public class ExchangeRestClientFactory implements DisposableBean {

	private final Scheduler limiterScheduler = Schedulers.newSingle("exchange-rest-limiter", true);

	private final RestClientsProperties properties;

	private final RestClientSpecMapper specs;

	private final RestClientConnectors connectors;

	private final WebClient.Builder webClientBuilder;

	private final JsonMapper mapper;

	private final Clock clock;

	ExchangeRestClientFactory(RestClientsProperties properties, RestClientSpecMapper specs,
			RestClientConnectors connectors, WebClient.Builder webClientBuilder, JsonMapper mapper, Clock clock) {
		this.properties = properties;
		this.specs = specs;
		this.connectors = connectors;
		this.webClientBuilder = webClientBuilder;
		this.mapper = mapper;
		this.clock = clock;
	}

	/**
	 * Create the client of a configuration entry. This is the factory method of the
	 * {@code NAME.restClient} beans.
	 * @param name the client name, a key under {@code exchange-integration.rest}
	 * @return the client
	 * @throws org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException
	 * when its settings are invalid
	 */
	public DefaultExchangeRestClient create(String name) {
		RestClientProperties properties = this.properties.getRest().get(name);
		if (properties == null) {
			throw new IllegalArgumentException("No REST client is configured under exchange-integration.rest." + name);
		}
		RestClientSpec spec = this.specs.spec(name, properties);
		SslBundle sslBundle = this.specs.sslBundle(name, properties);
		return new DefaultExchangeRestClient(spec, webClientBuilder(name, sslBundle), this.mapper, this.clock,
				this.limiterScheduler);
	}

	/**
	 * Create a client of a plain base URL, with the defaults of {@link RestClientSpec}:
	 * unsigned, no rate limits, retries of idempotent requests.
	 * @param name the client name, for errors
	 * @param baseUrl the base URL that request paths are appended to
	 * @return the client
	 */
	public DefaultExchangeRestClient createForBaseUrl(String name, URI baseUrl) {
		return new DefaultExchangeRestClient(RestClientSpec.builder(name, baseUrl).build(),
				webClientBuilder(name, null), this.mapper, this.clock, this.limiterScheduler);
	}

	private WebClient.Builder webClientBuilder(String name, @Nullable SslBundle sslBundle) {
		return this.webClientBuilder.clone().clientConnector(this.connectors.connector(name, sslBundle));
	}

	@Override
	public void destroy() {
		this.connectors.dispose();
		this.limiterScheduler.dispose();
	}

}
