package dev.exchangeintegration.autoconfigure;

import java.time.Duration;

import dev.exchangeintegration.rest.RestRequestObserver;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Records every HTTP exchange of the REST clients in the {@value #METRIC} timer, tagged
 * {@code client}, {@code method}, {@code uri} (the request path, never its query),
 * {@code status} and {@code outcome}.
 */
class MicrometerRestRequestObserver implements RestRequestObserver {

	/**
	 * Name of the timer.
	 */
	static final String METRIC = "exchange.rest.requests";

	private final ObjectProvider<MeterRegistry> registry;

	private volatile Meter.@Nullable MeterProvider<Timer> timers;

	MicrometerRestRequestObserver(ObjectProvider<MeterRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public void onExchange(String client, String method, String uri, String status, String outcome, Duration duration) {
		Meter.MeterProvider<Timer> timers = timers();
		if (timers != null) {
			timers.withTags("client", client, "method", method, "uri", uri, "status", status, "outcome", outcome)
				.record(duration);
		}
	}

	private Meter.@Nullable MeterProvider<Timer> timers() {
		Meter.MeterProvider<Timer> timers = this.timers;
		if (timers == null) {
			MeterRegistry registry = this.registry.getIfAvailable();
			if (registry == null) {
				return null;
			}
			timers = Timer.builder(METRIC)
				.description("HTTP exchanges of the exchange REST clients")
				.withRegistry(registry);
			this.timers = timers;
		}
		return timers;
	}

}
