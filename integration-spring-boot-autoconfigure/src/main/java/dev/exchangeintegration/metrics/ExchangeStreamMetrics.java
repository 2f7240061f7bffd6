package dev.exchangeintegration.metrics;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import dev.exchangeintegration.autoconfigure.ExchangeStreamCustomizer;
import dev.exchangeintegration.core.ConnectionState;
import dev.exchangeintegration.core.ConsumerObserver;
import dev.exchangeintegration.core.ConsumerStatus;
import dev.exchangeintegration.core.DefaultExchangeStream;
import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.core.StreamStatistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * Binds the {@link ExchangeStreamMeters} of every exchange stream. The streams count as
 * they work, in plain fields ({@link StreamStatistics}); the counters and gauges read
 * those when the registry is scraped, so the frame path makes no Micrometer call. Only
 * the {@link ExchangeStreamMeters#DELIVERY delivery timer} records per output: this
 * binder {@linkplain ExchangeStreamCustomizer customizes} each stream with itself as its
 * {@link ConsumerObserver}, and registers the meters of each consumer as it subscribes.
 */
public class ExchangeStreamMetrics implements MeterBinder, ExchangeStreamCustomizer, ConsumerObserver {

	private final Map<String, String> protocols;

	private final Function<String, @Nullable DefaultExchangeStream<?, ?>> streams;

	private final Map<ConsumerKey, ConsumerKey> consumers = new ConcurrentHashMap<>();

	private final Map<String, DefaultExchangeStream<?, ?>> found = new ConcurrentHashMap<>();

	private volatile @Nullable MeterRegistry registry;

	/**
	 * Create a new instance.
	 * @param protocols the protocol of each enabled exchange, by exchange name
	 * @param streams finds the stream of an exchange, when meters are read
	 */
	public ExchangeStreamMetrics(Map<String, String> protocols,
			Function<String, @Nullable DefaultExchangeStream<?, ?>> streams) {
		this.protocols = Map.copyOf(protocols);
		this.streams = streams;
	}

	@Override
	public void customize(DefaultExchangeStream.Builder<?, ?> builder) {
		builder.consumerObserver(this);
	}

	@Override
	public synchronized void bindTo(MeterRegistry registry) {
		if (this.registry != null) {
			return;
		}
		this.protocols.forEach((exchange, protocol) -> bindStream(registry, exchange, protocol));
		this.registry = registry;
		this.consumers.keySet().forEach((consumer) -> bindConsumer(registry, consumer));
	}

	private void bindStream(MeterRegistry registry, String exchange, String protocol) {
		Tags tags = Tags.of("exchange", exchange);
		counter(registry, ExchangeStreamMeters.FRAMES, tags.and("protocol", protocol), exchange,
				StreamStatistics::frames);
		counter(registry, ExchangeStreamMeters.BYTES, tags, exchange, StreamStatistics::bytes);
		counter(registry, ExchangeStreamMeters.OUTPUTS, tags, exchange, StreamStatistics::outputs);
		for (ErrorKind kind : ErrorKind.values()) {
			counter(registry, ExchangeStreamMeters.ERRORS, tags.and("kind", lowerCase(kind)), exchange,
					(statistics) -> statistics.errors(kind));
		}
		for (String reason : StreamStatistics.RECONNECT_REASONS) {
			counter(registry, ExchangeStreamMeters.RECONNECTS, tags.and("reason", reason), exchange,
					(statistics) -> statistics.reconnects(reason));
		}
		for (ConnectionState state : ConnectionState.values()) {
			gauge(registry, ExchangeStreamMeters.STATE, tags.and("state", lowerCase(state)), exchange,
					(statistics) -> (statistics.state() == state) ? 1 : 0);
		}
		gauge(registry, ExchangeStreamMeters.LAST_FRAME_AGE, tags, exchange, (statistics) -> {
			java.time.Duration age = statistics.lastFrameAge();
			return (age != null) ? age.toNanos() / 1e9 : Double.NaN;
		});
	}

	@Override
	public DeliveryTimer subscribed(String exchange, String consumer) {
		ConsumerKey key = new ConsumerKey(exchange, consumer);
		ConsumerKey existing = this.consumers.putIfAbsent(key, key);
		if (existing != null) {
			return existing;
		}
		synchronized (this) {
			MeterRegistry current = this.registry;
			if (current != null) {
				bindConsumer(current, key);
			}
		}
		return key;
	}

	private void bindConsumer(MeterRegistry registry, ConsumerKey key) {
		Tags tags = Tags.of("exchange", key.exchange, "consumer", key.consumer);
		FunctionCounter.builder(ExchangeStreamMeters.DROPPED.getName(), this, (metrics) -> {
			DefaultExchangeStream<?, ?> stream = stream(key.exchange);
			return (stream != null) ? stream.droppedOutputs().getOrDefault(key.consumer, 0L) : 0;
		}).tags(tags).register(registry);
		Gauge.builder(ExchangeStreamMeters.CONSUMER_BUFFERED.getName(), this, (metrics) -> {
			DefaultExchangeStream<?, ?> stream = stream(key.exchange);
			if (stream == null) {
				return Double.NaN;
			}
			return stream.consumers()
				.stream()
				.filter((status) -> status.name().equals(key.consumer))
				.mapToInt(ConsumerStatus::buffered)
				.sum();
		}).tags(tags).register(registry);
		key.timer = Timer.builder(ExchangeStreamMeters.DELIVERY.getName()).tags(tags).register(registry);
	}

	private void counter(MeterRegistry registry, ExchangeStreamMeters meter, Tags tags, String exchange,
			ToDoubleFunction<StreamStatistics> value) {
		FunctionCounter.builder(meter.getName(), this, (metrics) -> read(exchange, value, 0))
			.tags(tags)
			.baseUnit(meter.getBaseUnit())
			.register(registry);
	}

	private void gauge(MeterRegistry registry, ExchangeStreamMeters meter, Tags tags, String exchange,
			ToDoubleFunction<StreamStatistics> value) {
		Gauge.builder(meter.getName(), this, (metrics) -> read(exchange, value, Double.NaN))
			.tags(tags)
			.baseUnit(meter.getBaseUnit())
			.register(registry);
	}

	private double read(String exchange, ToDoubleFunction<StreamStatistics> value, double unknown) {
		DefaultExchangeStream<?, ?> stream = stream(exchange);
		return (stream != null) ? value.applyAsDouble(stream.statistics()) : unknown;
	}

	private @Nullable DefaultExchangeStream<?, ?> stream(String exchange) {
		DefaultExchangeStream<?, ?> stream = this.found.get(exchange);
		if (stream == null) {
			stream = this.streams.apply(exchange);
			if (stream != null) {
				this.found.put(exchange, stream);
			}
		}
		return stream;
	}

	private static String lowerCase(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * One consumer name of one exchange, and the timer of its deliveries once bound.
	 */
	private static final class ConsumerKey implements DeliveryTimer {

		final String exchange;

		final String consumer;

		volatile @Nullable Timer timer;

		ConsumerKey(String exchange, String consumer) {
			this.exchange = exchange;
			this.consumer = consumer;
		}

		@Override
		public void record(long nanos) {
			Timer current = this.timer;
			if (current != null) {
				current.record(nanos, TimeUnit.NANOSECONDS);
			}
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof ConsumerKey key && key.exchange.equals(this.exchange)
					&& key.consumer.equals(this.consumer);
		}

		@Override
		public int hashCode() {
			return this.exchange.hashCode() * 31 + this.consumer.hashCode();
		}

	}

}
