package dev.exchangeintegration.actuate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.exchangeintegration.autoconfigure.transport.TransportEndpoints;
import dev.exchangeintegration.core.ConsumerStatus;
import dev.exchangeintegration.core.DefaultExchangeStream;
import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.core.Excerpts;
import dev.exchangeintegration.core.StreamStatistics;
import dev.exchangeintegration.listener.ExchangeListenerContainer;
import org.jspecify.annotations.Nullable;

/**
 * Describes exchange streams for the {@code exchanges} endpoint and health details: every
 * exchange-supplied text escaped and bounded, every URL without its secrets.
 */
public final class ExchangeDescriptions {

	private ExchangeDescriptions() {
	}

	static ExchangeDescriptor describe(DefaultExchangeStream<?, ?> stream, @Nullable String protocol,
			@Nullable String endpoint, List<ExchangeListenerContainer> listeners) {
		StreamStatistics statistics = stream.statistics();
		Map<String, Long> errors = new LinkedHashMap<>();
		for (ErrorKind kind : ErrorKind.values()) {
			errors.put(kind.name().toLowerCase(Locale.ROOT), statistics.errors(kind));
		}
		Duration age = statistics.lastFrameAge();
		StreamStatistics.LastError error = statistics.lastError();
		Counters counters = new Counters(statistics.frames(), statistics.bytes(), statistics.outputs(), errors,
				statistics.reconnects(), stream.droppedOutputs(), (age != null) ? seconds(age) : null,
				(error != null) ? describe(error) : null);
		return new ExchangeDescriptor(stream.name(), protocol, statistics.state().name(),
				statistics.stateSince().toString(), endpoint,
				stream.subscriptions().stream().map(ExchangeDescriptions::subscription).toList(), counters,
				consumers(stream, listeners));
	}

	private static List<ConsumerDescriptor> consumers(DefaultExchangeStream<?, ?> stream,
			List<ExchangeListenerContainer> listeners) {
		Map<String, ExchangeListenerContainer> byId = new LinkedHashMap<>();
		listeners.forEach((listener) -> byId.put(listener.getListenerId(), listener));
		List<ConsumerDescriptor> consumers = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (ConsumerStatus status : stream.consumers()) {
			String type = byId.containsKey(status.name()) ? "listener"
					: ("flux".equals(status.delivery()) ? "flux" : "sink");
			seen.add(status.name());
			consumers.add(new ConsumerDescriptor(status.name(), type, status.delivery(), status.buffered(),
					status.dropped(), status.paused() ? "paused" : "running"));
		}
		byId.forEach((id, listener) -> {
			if (!seen.contains(id)) {
				consumers.add(new ConsumerDescriptor(id, "listener", null, 0, listener.getDroppedOutputs(),
						listener.isRunning() ? (listener.isPaused() ? "paused" : "running") : "stopped"));
			}
		});
		return consumers;
	}

	static Map<String, Object> describe(StreamStatistics.LastError error) {
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("kind", error.kind().name());
		described.put("message", text(error.message()));
		described.put("at", error.at().toString());
		return described;
	}

	static double seconds(Duration duration) {
		return duration.toNanos() / 1e9;
	}

	/**
	 * Return exchange-supplied or exchange-related text fit for output: escaped, bounded,
	 * URLs without secrets.
	 */
	static String text(String text) {
		return TransportEndpoints.redact(Excerpts.escape(text));
	}

	private static String subscription(Object subscription) {
		if (subscription instanceof byte[] bytes) {
			return "binary (" + bytes.length + " bytes)";
		}
		if (subscription instanceof CharSequence text) {
			return text(text.toString());
		}
		return text(String.valueOf(subscription));
	}

	/**
	 * One exchange.
	 *
	 * @param name the exchange name
	 * @param protocol its protocol
	 * @param state its connection state
	 * @param since when it entered that state
	 * @param endpoint where it connects, without secrets
	 * @param subscriptions the subscriptions sent on each connection
	 * @param counters what it has done so far
	 * @param consumers its consumers
	 */
	public record ExchangeDescriptor(String name, @Nullable String protocol, String state, String since,
			@Nullable String endpoint, List<String> subscriptions, Counters counters,
			List<ConsumerDescriptor> consumers) {

	}

	/**
	 * What an exchange has done so far.
	 *
	 * @param frames data frames read
	 * @param bytes bytes of those frames
	 * @param outputs outputs emitted
	 * @param errors errors by kind
	 * @param reconnects reconnects by reason
	 * @param dropped outputs dropped by consumer
	 * @param lastFrameAge seconds since the last data frame, or {@code null}
	 * @param lastError the last error, or {@code null}
	 */
	public record Counters(long frames, long bytes, long outputs, Map<String, Long> errors,
			Map<String, Long> reconnects, Map<String, Long> dropped, @Nullable Double lastFrameAge,
			@Nullable Map<String, Object> lastError) {

	}

	/**
	 * One consumer of an exchange.
	 *
	 * @param name its name: a listener id, a sink or a {@code Flux} subscriber
	 * @param type {@code listener}, {@code sink} or {@code flux}
	 * @param delivery {@code direct}, {@code isolated} or {@code flux}, {@code null} for
	 * a stopped listener
	 * @param buffered outputs buffered for it
	 * @param dropped outputs dropped for it
	 * @param status {@code running}, {@code paused} or {@code stopped}
	 */
	public record ConsumerDescriptor(String name, String type, @Nullable String delivery, int buffered, long dropped,
			String status) {

	}

}
