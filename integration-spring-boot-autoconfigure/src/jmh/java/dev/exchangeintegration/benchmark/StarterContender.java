package dev.exchangeintegration.benchmark;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import dev.exchangeintegration.core.ExchangeStream;
import dev.exchangeintegration.event.ExchangeErrorEvent;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The starter as an application uses it: a Spring Boot application with the exchange
 * {@code bench}, the {@code benchTrades} transformer and one {@code @ExchangeListener}.
 * Each run starts the application, which connects once, and closes it after the last
 * frame.
 */
final class StarterContender implements Contender {

	private final String name;

	private final Class<?>[] configurations;

	private StarterContender(String name, Class<?>... configurations) {
		this.name = name;
		this.configurations = configurations;
	}

	static StarterContender isolated() {
		return new StarterContender("isolated", IsolatedListener.class);
	}

	static StarterContender direct() {
		return new StarterContender("direct", DirectListener.class);
	}

	/**
	 * The isolated contender with Micrometer: a simple meter registry, Boot's metrics
	 * auto-configuration and the starter's meters, delivery timer included.
	 */
	static StarterContender metered() {
		return new StarterContender("metered", IsolatedListener.class, MeteredConfiguration.class);
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public Measurement run(URI uri, long frames, Duration stallTimeout) throws InterruptedException {
		Tally tally = new Tally(frames);
		Class<?>[] sources = new Class<?>[this.configurations.length + 1];
		sources[0] = BenchmarkApplication.class;
		System.arraycopy(this.configurations, 0, sources, 1, this.configurations.length);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(sources).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.registerShutdownHook(false)
			.initializers((initialized) -> initialized.getBeanFactory().registerSingleton("tally", tally))
			.properties(Map.of("exchange-integration.exchanges.bench.url", uri.toString(),
					"exchange-integration.exchanges.bench.transformer", "benchTrades"))
			.run()) {
			Measurement measurement = tally.await(this.name, stallTimeout);
			return withProblems(measurement, context);
		}
	}

	private static Measurement withProblems(Measurement measurement, ConfigurableApplicationContext context) {
		for (ExchangeStream<?> stream : context.getBeansOfType(ExchangeStream.class).values()) {
			long dropped = stream.droppedOutputs().values().stream().mapToLong(Long::longValue).sum();
			if (dropped > 0) {
				measurement = measurement.withNote(dropped + " dropped " + stream.droppedOutputs());
			}
		}
		BenchmarkApplication.ErrorCounter errors = context.getBean(BenchmarkApplication.ErrorCounter.class);
		ExchangeErrorEvent first = errors.first();
		if (first != null) {
			measurement = measurement
				.withNote(errors.count() + " error(s), the first " + first.getKind() + ": " + first.getError());
		}
		return measurement;
	}

}
