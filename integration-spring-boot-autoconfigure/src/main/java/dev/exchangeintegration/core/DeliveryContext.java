package dev.exchangeintegration.core;

import java.time.Instant;
import java.util.Map;

/**
 * The {@link OutputContext} handed to a consumer's handler, reused from output to output
 * by the one thread that delivers to it.
 */
final class DeliveryContext implements OutputContext {

	private final String exchange;

	private long receivedAt;

	private Map<String, Object> headers = Map.of();

	DeliveryContext(String exchange) {
		this.exchange = exchange;
	}

	DeliveryContext set(long receivedAt, Map<String, Object> headers) {
		this.receivedAt = receivedAt;
		this.headers = headers;
		return this;
	}

	long receivedAtNanos() {
		return this.receivedAt;
	}

	@Override
	public String exchange() {
		return this.exchange;
	}

	@Override
	public Instant receivedAt() {
		return ReceiveTimes.toInstant(this.receivedAt);
	}

	@Override
	public Map<String, Object> headers() {
		return this.headers;
	}

}
