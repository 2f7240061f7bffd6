package dev.exchangeintegration.rest.poll;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.exchangeintegration.autoconfigure.ExchangeSettingsContext;
import dev.exchangeintegration.autoconfigure.transport.ExchangeTransportFactory;
import dev.exchangeintegration.autoconfigure.transport.TransportEndpoints;
import dev.exchangeintegration.core.Transport;
import dev.exchangeintegration.core.ExchangeStreamObserver;
import dev.exchangeintegration.rest.ExchangeRestClient;
import dev.exchangeintegration.rest.RestPollTransport;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The {@code rest-poll} protocol: {@link RestPollTransport REST polling transports}
 * configured by {@link RestPollSettings}, through a named REST client ({@code client} and
 * {@code path}) or through a client of their own for a plain {@code url}.
 */
public class RestPollTransportFactory implements ExchangeTransportFactory<RestPollSettings> {

	private final ObjectProvider<ExchangeRestClient> clients;

	private final PlainUrlClients plainUrlClients;

	private final ExchangeStreamObserver observer;

	private final Scheduler timer;

	/**
	 * Create a new factory.
	 * @param clients the configured REST clients, found by name
	 * @param plainUrlClients creates the client of a plain {@code url}
	 * @param observer the observer that failing polls are reported to
	 * @param timer the scheduler that spaces the polls
	 */
	public RestPollTransportFactory(ObjectProvider<ExchangeRestClient> clients, PlainUrlClients plainUrlClients,
			ExchangeStreamObserver observer, Scheduler timer) {
		this.clients = clients;
		this.plainUrlClients = plainUrlClients;
		this.observer = observer;
		this.timer = timer;
	}

	@Override
	public String protocol() {
		return "rest-poll";
	}

	@Override
	public String settingsGroup() {
		return "";
	}

	@Override
	public RestPollSettings createSettings() {
		return new RestPollSettings();
	}

	@Override
	public TransportDefinition define(RestPollSettings settings, ExchangeSettingsContext context) {
		String name = context.exchange();
		rejectWebSocketSettings(context);
		context.requirePositive("interval", settings.getInterval());
		URI url = settings.getUrl();
		String clientName = settings.getClient();
		if (url != null && clientName != null) {
			throw context.mutuallyExclusive("url", "client");
		}
		Map<String, String> query = new LinkedHashMap<>();
		if (clientName != null) {
			ExchangeRestClient client = namedClient(clientName, context);
			String path = path(settings, context);
			query.putAll(settings.getQuery());
			return definition(() -> new RestPollTransport(name, client, path, query, settings.getInterval(),
					this.observer, this.timer), "client " + clientName + " " + path);
		}
		if (url == null) {
			throw context.invalid("url", null, "Exchange '" + name + "' polls REST, and needs one of url and client.",
					"Set " + context.property("url") + " to an http(s) URL, or " + context.property("client") + " and "
							+ context.property("path") + ".");
		}
		requireHttp(url, context);
		String path = (url.getRawPath() == null || url.getRawPath().isEmpty()) ? "/" : url.getRawPath();
		query.putAll(parseQuery(url.getRawQuery()));
		query.putAll(settings.getQuery());
		URI baseUrl = URI.create(url.getScheme() + "://" + url.getRawAuthority());
		return definition(() -> new RestPollTransport(name, this.plainUrlClients.create(name + "-poll", baseUrl), path,
				query, settings.getInterval(), this.observer, this.timer), TransportEndpoints.withoutSecrets(url));
	}

	private static TransportDefinition definition(Supplier<Transport> transport, String endpoint) {
		return new TransportDefinition() {

			@Override
			public Transport createTransport() {
				return transport.get();
			}

			@Override
			public String endpoint() {
				return endpoint;
			}

		};
	}

	private static void rejectWebSocketSettings(ExchangeSettingsContext context) {
		String name = context.exchange();
		if (context.isSetByExchange("subscriptions")) {
			throw context.invalid("subscriptions", null,
					"Exchange '" + name + "' polls REST, which has nothing to send subscriptions on.",
					"Remove " + context.property("subscriptions") + ", or put the parameters in "
							+ context.property("query") + ".");
		}
		if (context.isSetByExchange("heartbeat.interval")) {
			throw context.invalid("heartbeat.interval", null, "Exchange '" + name + "' polls REST, which has no pings.",
					"Remove the heartbeat settings; use stale-timeout to catch a feed that stops.");
		}
	}

	private ExchangeRestClient namedClient(String clientName, ExchangeSettingsContext context) {
		List<ExchangeRestClient> all = this.clients.orderedStream().toList();
		for (ExchangeRestClient client : all) {
			if (client.name().equals(clientName)) {
				return client;
			}
		}
		throw context.invalid("client", clientName,
				"Exchange '" + context.exchange() + "' polls with REST client '" + clientName
						+ "', which is not configured.",
				"Configure exchange-integration.rest." + clientName + ".base-url, or use one of "
						+ all.stream().map(ExchangeRestClient::name).toList() + ".");
	}

	private static String path(RestPollSettings settings, ExchangeSettingsContext context) {
		String path = settings.getPath();
		if (path == null || !path.startsWith("/")) {
			throw context.invalid("path", path,
					"Exchange '" + context.exchange() + "' polls with a client but its path is '" + path + "'.",
					"Set " + context.property("path") + " to a path starting with /, such as /fapi/v1/premiumIndex.");
		}
		return path;
	}

	private static void requireHttp(URI url, ExchangeSettingsContext context) {
		if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
			throw context.invalid("url", url,
					"Exchange '" + context.exchange() + "' polls REST but has url '" + url
							+ "', whose scheme is not http or https.",
					"Set " + context.property("url") + " to an http:// or https:// URL.");
		}
		if (url.getHost() == null) {
			throw context.invalid("url", url,
					"Exchange '" + context.exchange() + "' has url '" + url + "', which names no host.",
					"Set " + context.property("url") + " to a URL with a valid host name.");
		}
	}

	private static Map<String, String> parseQuery(@Nullable String rawQuery) {
		Map<String, String> query = new LinkedHashMap<>();
		if (rawQuery == null || rawQuery.isEmpty()) {
			return query;
		}
		for (String pair : rawQuery.split("&")) {
			int equals = pair.indexOf('=');
			String key = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : pair.substring(equals + 1);
			query.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return query;
	}

	/**
	 * Creates the REST client that polls a plain {@code url}.
	 */
	@FunctionalInterface
	public interface PlainUrlClients {

		/**
		 * Create a client with the default retries and timeouts for a base URL.
		 * @param name the client name, for logs and metrics
		 * @param baseUrl the scheme and authority of the url
		 * @return the client
		 */
		ExchangeRestClient create(String name, URI baseUrl);

	}

}
