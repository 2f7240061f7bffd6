package dev.exchangeintegration.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.exchangeintegration.actuate.ExchangeDescriptions.ExchangeDescriptor;
import dev.exchangeintegration.autoconfigure.ExchangeStreamsLifecycle;
import dev.exchangeintegration.core.ConnectionState;
import dev.exchangeintegration.core.DefaultExchangeStream;
import dev.exchangeintegration.listener.ExchangeListenerContainer;
import dev.exchangeintegration.listener.ExchangeListenerEndpointRegistry;
import dev.exchangeintegration.logging.ExchangeLogging;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code exchanges} endpoint: every exchange with its protocol, state, endpoint,
 * subscriptions, counters and consumers; and operations to stop, start, reconnect and
 * subscribe an exchange at runtime, and to pause, resume, stop and start its listeners.
 * Each operation is logged at INFO with the action and the exchange.
 */
@Endpoint(id = "exchanges")
public class ExchangesEndpoint {

	private static final Log logger = LogFactory.getLog(ExchangesEndpoint.class);

	private static final List<String> ACTIONS = List.of("stop", "start", "reconnect", "subscribe");

	private static final List<String> LISTENER_ACTIONS = List.of("pause", "resume", "stop", "start");

	private final ExchangeStreamsLifecycle streams;

	private final Function<String, @Nullable String> protocols;

	private final Function<String, @Nullable String> endpoints;

	private final @Nullable ExchangeListenerEndpointRegistry listeners;

	/**
	 * Create a new instance.
	 * @param streams the exchange streams
	 * @param protocols the protocol of each exchange, by name
	 * @param endpoints where each exchange connects, without secrets, by name
	 * @param listeners the listener containers, or {@code null} if there are none
	 */
	public ExchangesEndpoint(ExchangeStreamsLifecycle streams, Function<String, @Nullable String> protocols,
			Function<String, @Nullable String> endpoints, @Nullable ExchangeListenerEndpointRegistry listeners) {
		this.streams = streams;
		this.protocols = protocols;
		this.endpoints = endpoints;
		this.listeners = listeners;
	}

	/**
	 * Describe every exchange.
	 * @return the exchanges, by name
	 */
	@ReadOperation
	public ExchangesDescriptor exchanges() {
		Map<String, ExchangeDescriptor> exchanges = new LinkedHashMap<>();
		for (DefaultExchangeStream<?, ?> stream : this.streams.streams()) {
			exchanges.put(stream.name(), describe(stream));
		}
		return new ExchangesDescriptor(exchanges);
	}

	/**
	 * Describe one exchange.
	 * @param name the exchange name
	 * @return the exchange, or {@code null} (404) when no enabled exchange has that name
	 */
	@ReadOperation
	public @Nullable ExchangeDescriptor exchange(@Selector String name) {
		DefaultExchangeStream<?, ?> stream = this.streams.find(name);
		return (stream != null) ? describe(stream) : null;
	}

	/**
	 * Act on an exchange: {@code stop} closes its connection and opens none until
	 * {@code start}; {@code reconnect} drops the connection now and reconnects with the
	 * usual backoff; {@code subscribe} adds a subscription, sent now and on every
	 * reconnect.
	 * @param name the exchange name
	 * @param action {@code stop}, {@code start}, {@code reconnect} or {@code subscribe}
	 * @param subscription the subscription message, for {@code subscribe}
	 * @return the exchange after the action
	 */
	@WriteOperation
	public ExchangeDescriptor control(@Selector String name, @Selector String action, @Nullable String subscription) {
		DefaultExchangeStream<?, ?> stream = require(name);
		switch (action) {
			case "stop" -> stream.suspend(this.streams.getShutdownTimeout());
			case "start" -> start(stream);
			case "reconnect" -> {
				if (!stream.reconnect()) {
					throw new InvalidEndpointRequestException("Exchange '" + name
							+ "' has no connection to drop (state " + stream.state() + ") or does not reconnect",
							"No connection to drop");
				}
			}
			case "subscribe" -> {
				if (subscription == null || subscription.isBlank()) {
					throw new InvalidEndpointRequestException(
							"Action 'subscribe' needs a JSON body {\"subscription\": \"...\"}", "Missing subscription");
				}
				stream.addSubscription(subscription);
			}
			default -> throw new InvalidEndpointRequestException("Unknown action '" + ExchangeDescriptions.text(action)
					+ "' for exchange '" + name + "'; use one of " + ACTIONS, "Unknown action");
		}
		ExchangeLogging.info(logger, name, () -> "Exchange '" + name + "': " + action + " requested through the "
				+ "exchanges endpoint; state now " + stream.state());
		return describe(stream);
	}

	/**
	 * Act on a listener of an exchange: {@code pause}, {@code resume}, {@code stop} or
	 * {@code start} its container.
	 * @param name the exchange name
	 * @param listeners the literal {@code listeners}
	 * @param id the listener id
	 * @param action {@code pause}, {@code resume}, {@code stop} or {@code start}
	 * @return the exchange after the action
	 */
	@WriteOperation
	public ExchangeDescriptor controlListener(@Selector String name, @Selector String listeners, @Selector String id,
			@Selector String action) {
		DefaultExchangeStream<?, ?> stream = require(name);
		ExchangeListenerContainer container = (this.listeners != null && "listeners".equals(listeners))
				? this.listeners.getListenerContainer(id) : null;
		if (container == null || !container.getExchange().equals(name)) {
			throw new InvalidEndpointRequestException(
					"Exchange '" + name + "' has no listener with id '" + ExchangeDescriptions.text(id) + "'",
					"Unknown listener");
		}
		switch (action) {
			case "pause" -> container.pause();
			case "resume" -> container.resume();
			case "stop" -> container.stop();
			case "start" -> container.start();
			default -> throw new InvalidEndpointRequestException("Unknown action '" + ExchangeDescriptions.text(action)
					+ "' for listener '" + id + "' of exchange '" + name + "'; use one of " + LISTENER_ACTIONS,
					"Unknown action");
		}
		ExchangeLogging.info(logger, name, () -> "Exchange '" + name + "': listener " + id + " " + action
				+ " requested through the exchanges endpoint");
		return describe(stream);
	}

	private void start(DefaultExchangeStream<?, ?> stream) {
		if (stream.state() == ConnectionState.NEW) {
			stream.start();
		}
		else if (!stream.resume() && stream.state() == ConnectionState.STOPPED) {
			throw new InvalidEndpointRequestException(
					"Exchange '" + stream.name()
							+ "' has stopped for good (the application is stopping, or reconnection gave up)",
					"Stopped for good");
		}
	}

	private DefaultExchangeStream<?, ?> require(String name) {
		DefaultExchangeStream<?, ?> stream = this.streams.find(name);
		if (stream == null) {
			throw new UnknownExchangeException(name);
		}
		return stream;
	}

	private ExchangeDescriptor describe(DefaultExchangeStream<?, ?> stream) {
		List<ExchangeListenerContainer> containers = (this.listeners != null) ? this.listeners.getListenerContainers()
			.stream()
			.filter((container) -> container.getExchange().equals(stream.name()))
			.toList() : List.of();
		return ExchangeDescriptions.describe(stream, this.protocols.apply(stream.name()),
				this.endpoints.apply(stream.name()), containers);
	}

	/**
	 * Thrown for an exchange name that no enabled exchange has.
	 */
	public static class UnknownExchangeException extends InvalidEndpointRequestException {

		UnknownExchangeException(String name) {
			super("No enabled exchange named '" + ExchangeDescriptions.text(name) + "'", "Unknown exchange");
		}

	}

	/**
	 * Every exchange.
	 *
	 * @param exchanges the exchanges, by name
	 */
	public record ExchangesDescriptor(Map<String, ExchangeDescriptor> exchanges) {

	}

}
