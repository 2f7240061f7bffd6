package dev.exchangeintegration.autoconfigure;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Exchange;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Protocol;
import dev.exchangeintegration.core.ExchangeStreamObserver;
import dev.exchangeintegration.core.Transport;
import dev.exchangeintegration.rest.ExchangeRestClient;
import dev.exchangeintegration.rest.RestPollTransport;
import dev.exchangeintegration.rest.autoconfigure.ExchangeRestClientFactory;
import dev.exchangeintegration.rest.autoconfigure.RestClientRegistrar;

import org.springframework.beans.factory.BeanFactory;

/**
 * Creates {@link RestPollTransport REST polling transports} for exchanges with
 * {@code protocol: rest-poll}: through the named REST client ({@code client} and
 * {@code path}), or through a client of their own for a plain {@code url}.
 */
public class RestPollTransportFactory implements ExchangeTransportFactory {

	private final ExchangeRestClientFactory clients;

	private final BeanFactory beanFactory;

	private final ExchangeStreamObserver observer;

	private final ExchangeSchedulers schedulers;

	/**
	 * Create a new factory.
	 * @param clients the factory of clients for plain urls
	 * @param beanFactory the bean factory that named clients are looked up in
	 * @param observer the observer that failing polls are reported to
	 * @param schedulers the schedulers, whose timer spaces the polls
	 */
	public RestPollTransportFactory(ExchangeRestClientFactory clients, BeanFactory beanFactory,
			ExchangeStreamObserver observer, ExchangeSchedulers schedulers) {
		this.clients = clients;
		this.beanFactory = beanFactory;
		this.observer = observer;
		this.schedulers = schedulers;
	}

	@Override
	public boolean supports(Protocol protocol) {
		return protocol == Protocol.REST_POLL;
	}

	@Override
	@SuppressWarnings("NullAway")
	public Transport create(String name, Exchange exchange) {
		Map<String, String> query = new LinkedHashMap<>();
		ExchangeRestClient client;
		String path;
		if (exchange.getClient() != null) {
			client = this.beanFactory.getBean(RestClientRegistrar.beanName(exchange.getClient()),
					ExchangeRestClient.class);
			path = exchange.getPath();
		}
		else {
			URI url = exchange.getUrl();
			client = this.clients.createForBaseUrl(name + "-poll",
					URI.create(url.getScheme() + "://" + url.getRawAuthority()));
			path = (url.getRawPath() == null || url.getRawPath().isEmpty()) ? "/" : url.getRawPath();
			query.putAll(parseQuery(url.getRawQuery()));
		}
		query.putAll(exchange.getQuery());
		return new RestPollTransport(name, client, path, query, exchange.getInterval(), this.observer,
				this.schedulers.timer());
	}

	private static Map<String, String> parseQuery(String rawQuery) {
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

}
