package dev.exchangeintegration.rest.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.http.client.reactive.ClientHttpConnector;

/**
 * Builds the connector of each REST client with Spring Boot's
 * {@link ClientHttpConnectorBuilder} and {@link HttpClientSettings}, so that the
 * {@code spring.http.clients.*} settings, {@code ClientHttpConnectorBuilderCustomizer}
 * beans and the client's SSL bundle apply. On Reactor Netty, each client has a connection
 * pool of its own, of {@value #MAX_CONNECTIONS} connections, whose idle connections are
 * closed after 20 s: exchanges do not take each other's connections, a burst that the
 * rate limits let through is not held waiting for one, and a POST never goes out on a
 * connection the exchange is about to drop.
 */
final class RestClientConnectors {

	static final int MAX_CONNECTIONS = 50;

	private final ClientHttpConnectorBuilder<?> connectorBuilder;

	private final HttpClientSettings settings;

	private final List<ConnectionProvider> pools = new CopyOnWriteArrayList<>();

	RestClientConnectors(ClientHttpConnectorBuilder<?> connectorBuilder, HttpClientSettings settings) {
		this.connectorBuilder = connectorBuilder;
		this.settings = settings;
	}

	/**
	 * Build the connector of a client.
	 * @param client the client name, which names its connection pool
	 * @param sslBundle the client's SSL bundle, or {@code null} for Boot's settings
	 * @return the connector
	 */
	ClientHttpConnector connector(String client, @Nullable SslBundle sslBundle) {
		HttpClientSettings settings = (sslBundle != null) ? this.settings.withSslBundle(sslBundle) : this.settings;
		if (this.connectorBuilder instanceof ReactorClientHttpConnectorBuilder reactor) {
			ConnectionProvider pool = ConnectionProvider.builder("exchange-rest-" + client)
				.maxConnections(MAX_CONNECTIONS)
				.maxIdleTime(Duration.ofSeconds(20))
				.evictInBackground(Duration.ofSeconds(30))
				.build();
			this.pools.add(pool);
			return reactor.withHttpClientFactory(() -> HttpClient.create(pool)).build(settings);
		}
		return this.connectorBuilder.build(settings);
	}

	/**
	 * Close the connection pools of the clients.
	 */
	void dispose() {
		for (ConnectionProvider pool : this.pools) {
			try {
				pool.disposeLater().block(Duration.ofSeconds(5));
			}
			catch (RuntimeException ex) {
				// go on closing the others
			}
		}
	}

}
