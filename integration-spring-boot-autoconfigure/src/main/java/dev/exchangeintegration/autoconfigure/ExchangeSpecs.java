package dev.exchangeintegration.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Exchange;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Heartbeat;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Reconnect;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.SubscriptionAck;
import dev.exchangeintegration.core.HeartbeatSpec;
import dev.exchangeintegration.core.ReconnectSpec;
import dev.exchangeintegration.core.SubscriptionAckSpec;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the resilience properties of an exchange into the core's specs, failing with an
 * {@link InvalidExchangeConfigurationException} that names the offending property.
 */
final class ExchangeSpecs {

	private static final JsonMapper json = JsonMapper.shared();

	private ExchangeSpecs() {
	}

	static ReconnectSpec reconnect(String name, Exchange exchange) {
		Reconnect reconnect = exchange.getReconnect();
		// a zero backoff would never grow: a refusing endpoint would be retried in a
		// tight loop
		positive(name, "reconnect.initial-backoff", reconnect.getInitialBackoff());
		if (reconnect.getMaxBackoff().compareTo(reconnect.getInitialBackoff()) < 0) {
			throw invalid(name, "reconnect.max-backoff",
					"is " + reconnect.getMaxBackoff() + ", less than initial-backoff " + reconnect.getInitialBackoff(),
					"Set it at least as long as initial-backoff.");
		}
		if (!(reconnect.getMultiplier() >= 1) || Double.isInfinite(reconnect.getMultiplier())) {
			throw invalid(name, "reconnect.multiplier", "is " + reconnect.getMultiplier(), "Set it to 1 or more.");
		}
		if (!(reconnect.getJitter() >= 0 && reconnect.getJitter() <= 1)) {
			throw invalid(name, "reconnect.jitter", "is " + reconnect.getJitter(), "Set it between 0 and 1.");
		}
		Long maxAttempts = reconnect.getMaxAttempts();
		if (maxAttempts != null && maxAttempts < 0) {
			throw invalid(name, "reconnect.max-attempts", "is " + maxAttempts,
					"Set it to 0 or more, or leave it unset for no limit.");
		}
		return new ReconnectSpec(reconnect.isEnabled(), reconnect.getInitialBackoff(), reconnect.getMaxBackoff(),
				reconnect.getMultiplier(), reconnect.getJitter(), (maxAttempts != null) ? maxAttempts : Long.MAX_VALUE);
	}

	static @Nullable SubscriptionAckSpec subscriptionAck(String name, Exchange exchange) {
		SubscriptionAck ack = exchange.getSubscriptionAck();
		if (ack.getIdPointer() == null && ack.getPattern() == null) {
			if (ack.getRejectionPattern() != null) {
				throw invalid(name, "subscription-ack.rejection-pattern",
						"is set, but neither subscription-ack.id-pointer nor subscription-ack.pattern is",
						"Set one of them, to say how acknowledgements look.");
			}
			return null;
		}
		if (ack.getIdPointer() != null && ack.getPattern() != null) {
			throw invalid(name, "subscription-ack.pattern", "is set together with subscription-ack.id-pointer",
					"Set only one of them.");
		}
		positive(name, "subscription-ack.timeout", ack.getTimeout());
		JsonPointer pointer = (ack.getIdPointer() != null) ? pointer(name, ack.getIdPointer()) : null;
		if (pointer != null) {
			requireIdInEverySubscription(name, exchange.getSubscriptions(), pointer, ack.getIdPointer());
		}
		return new SubscriptionAckSpec(pointer, pattern(name, "subscription-ack.pattern", ack.getPattern()),
				pattern(name, "subscription-ack.rejection-pattern", ack.getRejectionPattern()), ack.getTimeout());
	}

	static @Nullable HeartbeatSpec heartbeat(String name, Exchange exchange) {
		Heartbeat heartbeat = exchange.getHeartbeat();
		if (heartbeat.getInterval() == null) {
			if (heartbeat.getMessage() != null || heartbeat.getPongPattern() != null
					|| heartbeat.getPongTimeout() != null) {
				throw invalid(name, "heartbeat.interval",
						"is not set, but other heartbeat settings are, so no ping would ever be sent",
						"Set heartbeat.interval, for example to 30s.");
			}
			return null;
		}
		positive(name, "heartbeat.interval", heartbeat.getInterval());
		if (heartbeat.getPongTimeout() != null) {
			positive(name, "heartbeat.pong-timeout", heartbeat.getPongTimeout());
			if (heartbeat.getMessage() != null && heartbeat.getPongPattern() == null) {
				throw invalid(name, "heartbeat.pong-pattern",
						"is not set, but heartbeat.message and heartbeat.pong-timeout are, so no pong could be recognised",
						"Set heartbeat.pong-pattern to a regular expression matching the exchange's pong.");
			}
		}
		return new HeartbeatSpec(heartbeat.getInterval(), heartbeat.getMessage(),
				pattern(name, "heartbeat.pong-pattern", heartbeat.getPongPattern()), heartbeat.getPongTimeout());
	}

	static @Nullable Duration staleTimeout(String name, Exchange exchange) {
		if (exchange.getStaleTimeout() != null) {
			positive(name, "stale-timeout", exchange.getStaleTimeout());
		}
		return exchange.getStaleTimeout();
	}

	static Duration connectTimeout(String name, Exchange exchange) {
		positive(name, "connect-timeout", exchange.getConnectTimeout());
		return exchange.getConnectTimeout();
	}

	/**
	 * Check every setting, so that a mistake fails startup.
	 */
	static void validate(String name, Exchange exchange) {
		reconnect(name, exchange);
		subscriptionAck(name, exchange);
		heartbeat(name, exchange);
		staleTimeout(name, exchange);
		connectTimeout(name, exchange);
	}

	private static void requireIdInEverySubscription(String name, List<String> subscriptions, JsonPointer pointer,
			String idPointer) {
		for (int i = 0; i < subscriptions.size(); i++) {
			boolean hasId;
			try {
				JsonNode id = json.readTree(subscriptions.get(i)).at(pointer);
				hasId = !id.isMissingNode() && !id.isNull();
			}
			catch (JacksonException ex) {
				hasId = false;
			}
			if (!hasId) {
				throw invalid(name, "subscriptions[" + i + "]",
						"has no non-null field at subscription-ack.id-pointer " + idPointer + ": "
								+ subscriptions.get(i),
						"Give every subscription an id at " + idPointer
								+ ", or recognise acknowledgements with subscription-ack.pattern instead.");
			}
		}
	}

	private static JsonPointer pointer(String name, String idPointer) {
		if (!idPointer.startsWith("/")) {
			throw invalid(name, "subscription-ack.id-pointer", "'" + idPointer + "' is not a JSON pointer to a field",
					"Use a JSON pointer such as /id.");
		}
		try {
			return JsonPointer.compile(idPointer);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(name, "subscription-ack.id-pointer", "'" + idPointer + "' is not a JSON pointer",
					"Use a JSON pointer such as /id.");
		}
	}

	private static @Nullable Pattern pattern(String name, String property, @Nullable String regex) {
		if (regex == null) {
			return null;
		}
		try {
			return Pattern.compile(regex);
		}
		catch (PatternSyntaxException ex) {
			throw invalid(name, property, "'" + regex + "' is not a regular expression: " + ex.getDescription(),
					"Fix the regular expression.");
		}
	}

	private static void positive(String name, String property, Duration duration) {
		if (duration.isNegative() || duration.isZero()) {
			throw invalid(name, property, "is " + duration, "Set a positive duration, for example 10s.");
		}
	}

	private static InvalidExchangeConfigurationException invalid(String name, String property, String problem,
			String action) {
		return new InvalidExchangeConfigurationException(ExchangeStreamRegistrar.property(name, property),
				"Exchange '" + name + "' " + property + " " + problem + ".", action);
	}

}
