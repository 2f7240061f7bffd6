package dev.exchangeintegration.autoconfigure;

import java.time.Duration;

import dev.exchangeintegration.rest.RestRequestObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

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

	MicrometerRestRequestObserver(ObjectProvider<MeterRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public void onExchange(String client, String method, String uri, String status, String outcome, Duration duration) {
		MeterRegistry registry = this.registry.getIfAvailable();
		if (registry == null) {
			return;
		}
		Timer.builder(METRIC)
			.description("HTTP exchanges of the exchange REST clients")
			.tag("client", client)
			.tag("method", method)
			.tag("uri", uri)
			.tag("status", status)
			.tag("outcome", outcome)
			.register(registry)
			.record(duration);
	}

}
