package dev.exchangeintegration.actuate;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import dev.exchangeintegration.autoconfigure.ExchangeStreamsLifecycle;
import dev.exchangeintegration.core.DefaultExchangeStream;
import dev.exchangeintegration.core.StreamStatistics;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The health of every enabled exchange stream, one component each: {@code UP} while
 * {@code LIVE}, and while connecting or reconnecting for less than the grace period, then
 * {@code DOWN}; {@code OUT_OF_SERVICE} when suspended by an operator; {@code DOWN} once
 * stopped; {@code UNKNOWN} before it starts. Details: state, since when, last frame age,
 * reconnects and the last error's message.
 */
public class ExchangesHealthContributor implements CompositeHealthContributor {

	private final ExchangeStreamsLifecycle streams;

	private final Duration grace;

	/**
	 * Create a new instance.
	 * @param streams the exchange streams
	 * @param grace how long a stream may be connecting or reconnecting and still be UP
	 */
	public ExchangesHealthContributor(ExchangeStreamsLifecycle streams, Duration grace) {
		this.streams = streams;
		this.grace = grace;
	}

	@Override
	public @Nullable HealthContributor getContributor(String name) {
		DefaultExchangeStream<?, ?> stream = this.streams.find(name);
		return (stream != null) ? indicator(stream) : null;
	}

	@Override
	public Stream<HealthContributors.Entry> stream() {
		return this.streams.streams()
			.stream()
			.map((stream) -> new HealthContributors.Entry(stream.name(), indicator(stream)));
	}

	private HealthIndicator indicator(DefaultExchangeStream<?, ?> stream) {
		return () -> health(stream.statistics());
	}

	private Health health(StreamStatistics statistics) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("state", statistics.state().name());
		details.put("since", statistics.stateSince().toString());
		Duration age = statistics.lastFrameAge();
		if (age != null) {
			details.put("lastFrameAge", ExchangeDescriptions.seconds(age));
		}
		details.put("reconnects", statistics.reconnects().values().stream().mapToLong(Long::longValue).sum());
		StreamStatistics.LastError error = statistics.lastError();
		if (error != null) {
			details.put("lastError", ExchangeDescriptions.describe(error));
		}
		return Health.status(status(statistics)).withDetails(details).build();
	}

	private Status status(StreamStatistics statistics) {
		return switch (statistics.state()) {
			case LIVE -> Status.UP;
			case CONNECTING, SUBSCRIBING, RECONNECTING ->
				(statistics.unavailableFor().compareTo(this.grace) < 0) ? Status.UP : Status.DOWN;
			case SUSPENDED -> Status.OUT_OF_SERVICE;
			case STOPPED -> Status.DOWN;
			case NEW -> Status.UNKNOWN;
		};
	}

}
