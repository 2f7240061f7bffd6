package dev.exchangeintegration.websocket;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.exchangeintegration.autoconfigure.ExchangeSettingsContext;
import dev.exchangeintegration.core.HeartbeatSpec;
import dev.exchangeintegration.core.SubscriptionAckSpec;
import dev.exchangeintegration.websocket.WebSocketSettings.Heartbeat;
import dev.exchangeintegration.websocket.WebSocketSettings.SubscriptionAck;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the acknowledgement and heartbeat settings of a WebSocket exchange and turns
 * them into the core's specs, failing with a message that names the property.
 */
public final class WebSocketStreamSpecs {

	private static final JsonMapper json = JsonMapper.shared();

	private WebSocketStreamSpecs() {
	}

	/**
	 * Check the acknowledgement settings and turn them into the core's spec.
	 * @param settings the settings, also read by other protocols that send subscriptions
	 * the WebSocket way, such as {@code replay}
	 * @param context names the properties for failures
	 * @return the spec, or {@code null} when subscriptions are not acknowledged
	 */
	public static @Nullable SubscriptionAckSpec subscriptionAck(WebSocketSettings settings,
			ExchangeSettingsContext context) {
		SubscriptionAck ack = settings.getSubscriptionAck();
		if (ack.getIdPointer() == null && ack.getPattern() == null) {
			if (ack.getRejectionPattern() != null) {
				throw context.misconfigured("subscription-ack.rejection-pattern", ack.getRejectionPattern(),
						"is set, but neither subscription-ack.id-pointer nor subscription-ack.pattern is",
						"Set one of them, to say how acknowledgements look.");
			}
			return null;
		}
		if (ack.getIdPointer() != null && ack.getPattern() != null) {
			throw context.mutuallyExclusive("subscription-ack.id-pointer", "subscription-ack.pattern");
		}
		context.requirePositive("subscription-ack.timeout", ack.getTimeout());
		JsonPointer pointer = null;
		if (ack.getIdPointer() != null) {
			pointer = pointer(context, ack.getIdPointer());
			requireIdInEverySubscription(context, settings.getSubscriptions(), pointer, ack.getIdPointer());
		}
		return new SubscriptionAckSpec(pointer, pattern(context, "subscription-ack.pattern", ack.getPattern()),
				pattern(context, "subscription-ack.rejection-pattern", ack.getRejectionPattern()), ack.getTimeout());
	}

	static @Nullable HeartbeatSpec heartbeat(WebSocketSettings settings, ExchangeSettingsContext context) {
		Heartbeat heartbeat = settings.getHeartbeat();
		if (heartbeat.getInterval() == null) {
			if (heartbeat.getMessage() != null || heartbeat.getPongPattern() != null
					|| heartbeat.getPongTimeout() != null) {
				throw context.misconfigured("heartbeat.interval", null,
						"is not set, but other heartbeat settings are, so no ping would ever be sent",
						"Set heartbeat.interval, for example to 30s.");
			}
			return null;
		}
		context.requirePositive("heartbeat.interval", heartbeat.getInterval());
		if (heartbeat.getPongTimeout() != null) {
			context.requirePositive("heartbeat.pong-timeout", heartbeat.getPongTimeout());
			if (heartbeat.getMessage() != null && heartbeat.getPongPattern() == null) {
				throw context.misconfigured("heartbeat.pong-pattern", null,
						"is not set, but heartbeat.message and heartbeat.pong-timeout are, so no pong could be recognised",
						"Set heartbeat.pong-pattern to a regular expression matching the exchange's pong.");
			}
		}
		return new HeartbeatSpec(heartbeat.getInterval(), heartbeat.getMessage(),
				pattern(context, "heartbeat.pong-pattern", heartbeat.getPongPattern()), heartbeat.getPongTimeout());
	}

	private static void requireIdInEverySubscription(ExchangeSettingsContext context, List<String> subscriptions,
			JsonPointer pointer, String idPointer) {
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
				throw context.misconfigured("subscriptions[" + i + "]", subscriptions.get(i),
						"has no non-null field at subscription-ack.id-pointer " + idPointer + ": "
								+ subscriptions.get(i),
						"Give every subscription an id at " + idPointer
								+ ", or recognise acknowledgements with subscription-ack.pattern instead.");
			}
		}
	}

	private static JsonPointer pointer(ExchangeSettingsContext context, String idPointer) {
		if (!idPointer.startsWith("/")) {
			throw context.misconfigured("subscription-ack.id-pointer", idPointer,
					"'" + idPointer + "' is not a JSON pointer to a field", "Use a JSON pointer such as /id.");
		}
		try {
			return JsonPointer.compile(idPointer);
		}
		catch (IllegalArgumentException ex) {
			throw context.misconfigured("subscription-ack.id-pointer", idPointer,
					"'" + idPointer + "' is not a JSON pointer", "Use a JSON pointer such as /id.");
		}
	}

	private static @Nullable Pattern pattern(ExchangeSettingsContext context, String key, @Nullable String regex) {
		if (regex == null) {
			return null;
		}
		try {
			return Pattern.compile(regex);
		}
		catch (PatternSyntaxException ex) {
			throw context.misconfigured(key, regex,
					"'" + regex + "' is not a regular expression: " + ex.getDescription(),
					"Fix the regular expression.");
		}
	}

}
