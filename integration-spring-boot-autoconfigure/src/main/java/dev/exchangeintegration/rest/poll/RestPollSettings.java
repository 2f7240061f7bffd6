package dev.exchangeintegration.rest.poll;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the {@code rest-poll} protocol. They sit at the exchange's own level:
 * {@code exchange-integration.exchanges.NAME.client}, shared under
 * {@code exchange-integration.defaults.client}.
 * <p>
 * Bound by {@link RestPollTransportFactory} for each exchange; annotated only so that the
 * configuration processor documents the {@code exchange-integration.defaults.*} keys.
 */
@ConfigurationProperties("exchange-integration.defaults")
public class RestPollSettings {

	/**
	 * Endpoint to poll, an http:// or https:// URL with its query, instead of a client.
	 */
	private @Nullable URI url;

	/**
	 * Name of the REST client (exchange-integration.rest.NAME) to poll with, instead of
	 * url, so that polls are signed and share its rate limits.
	 */
	private @Nullable String client;

	/**
	 * Path to poll with a client, relative to the client's base-url.
	 */
	private @Nullable String path;

	/**
	 * Time between the end of a poll and the start of the next. 1s by default.
	 */
	private Duration interval = Duration.ofSeconds(1);

	/**
	 * Query parameters, sent in order after those of the url. None by default.
	 */
	private Map<String, String> query = new LinkedHashMap<>();

	public @Nullable URI getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable URI url) {
		this.url = url;
	}

	public @Nullable String getClient() {
		return this.client;
	}

	public void setClient(@Nullable String client) {
		this.client = client;
	}

	public @Nullable String getPath() {
		return this.path;
	}

	public void setPath(@Nullable String path) {
		this.path = path;
	}

	public Duration getInterval() {
		return this.interval;
	}

	public void setInterval(Duration interval) {
		this.interval = interval;
	}

	public Map<String, String> getQuery() {
		return this.query;
	}

	public void setQuery(Map<String, String> query) {
		this.query = query;
	}

}
