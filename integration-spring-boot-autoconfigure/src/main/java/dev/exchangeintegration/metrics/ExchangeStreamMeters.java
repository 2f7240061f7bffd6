package dev.exchangeintegration.metrics;

import java.util.List;

import io.micrometer.core.instrument.Meter;
import org.jspecify.annotations.Nullable;

/**
 * The meters of exchange streams, registered when Micrometer is present. Every meter is
 * tagged {@code exchange}, the exchange name.
 */
public enum ExchangeStreamMeters {

	/**
	 * Data frames read off the transport and handed to the parser; subscription
	 * acknowledgements and pongs are not counted.
	 */
	FRAMES("exchange.stream.frames", Meter.Type.COUNTER, null, "exchange", "protocol"),

	/**
	 * Bytes of the data frames read.
	 */
	BYTES("exchange.stream.bytes", Meter.Type.COUNTER, "bytes", "exchange"),

	/**
	 * Outputs emitted by the transformer, each counted once whatever the number of
	 * consumers.
	 */
	OUTPUTS("exchange.stream.outputs", Meter.Type.COUNTER, null, "exchange"),

	/**
	 * Errors reported, by kind: one of the {@code ErrorKind}s in lower case, such as
	 * {@code parse} or {@code closed}.
	 */
	ERRORS("exchange.stream.errors", Meter.Type.COUNTER, null, "exchange", "kind"),

	/**
	 * Outputs dropped for a consumer that fell behind, by consumer name (a listener id, a
	 * sink or a {@code Flux} subscriber); counts every subscription of that name.
	 */
	DROPPED("exchange.stream.dropped", Meter.Type.COUNTER, null, "exchange", "consumer"),

	/**
	 * Connections lost or replaced, by reason: {@code closed}, {@code connection},
	 * {@code timeout}, {@code subscription} or {@code operator}.
	 */
	RECONNECTS("exchange.stream.reconnects", Meter.Type.COUNTER, null, "exchange", "reason"),

	/**
	 * One gauge per connection state, tagged {@code state} with the state's name in lower
	 * case ({@code live}, {@code reconnecting}...): 1 for the current state, 0 for the
	 * others.
	 */
	STATE("exchange.stream.state", Meter.Type.GAUGE, null, "exchange", "state"),

	/**
	 * Seconds since the last data frame was read; {@code NaN} before the first.
	 */
	LAST_FRAME_AGE("exchange.stream.last.frame.age", Meter.Type.GAUGE, "seconds", "exchange"),

	/**
	 * Time from a frame read off the transport to its output handed to a consumer, by
	 * consumer; percentiles and histograms through Spring Boot's
	 * {@code management.metrics.distribution.*} properties.
	 */
	DELIVERY("exchange.stream.delivery", Meter.Type.TIMER, null, "exchange", "consumer"),

	/**
	 * Outputs buffered for a consumer and not yet handed over, by consumer.
	 */
	CONSUMER_BUFFERED("exchange.stream.consumer.buffered", Meter.Type.GAUGE, null, "exchange", "consumer");

	private final String meterName;

	private final Meter.Type type;

	private final @Nullable String baseUnit;

	private final List<String> tagKeys;

	ExchangeStreamMeters(String meterName, Meter.Type type, @Nullable String baseUnit, String... tagKeys) {
		this.meterName = meterName;
		this.type = type;
		this.baseUnit = baseUnit;
		this.tagKeys = List.of(tagKeys);
	}

	/**
	 * Return the meter's name.
	 * @return the name
	 */
	public String getName() {
		return this.meterName;
	}

	/**
	 * Return the meter's type.
	 * @return the type
	 */
	public Meter.Type getType() {
		return this.type;
	}

	/**
	 * Return the meter's base unit.
	 * @return the base unit, or {@code null} for none
	 */
	public @Nullable String getBaseUnit() {
		return this.baseUnit;
	}

	/**
	 * Return the keys of the meter's tags.
	 * @return the tag keys
	 */
	public List<String> getTagKeys() {
		return this.tagKeys;
	}

}
