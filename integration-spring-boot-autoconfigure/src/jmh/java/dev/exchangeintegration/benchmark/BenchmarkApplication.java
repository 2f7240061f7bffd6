package dev.exchangeintegration.benchmark;

import java.util.concurrent.atomic.AtomicLong;

import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;
import dev.exchangeintegration.event.ExchangeErrorEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * The application the starter's contenders run: Boot's {@code JsonMapper}, the starter,
 * the {@link TradeTransformer} bean {@code benchTrades}, and whichever listener
 * configuration the contender adds. Only these two auto-configurations, so that nothing
 * else on the test class path changes what is measured.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({ JacksonAutoConfiguration.class, ExchangeIntegrationAutoConfiguration.class })
class BenchmarkApplication {

	@Bean
	TradeTransformer benchTrades() {
		return new TradeTransformer();
	}

	@Bean
	ErrorCounter errorCounter() {
		return new ErrorCounter();
	}

	/**
	 * Counts the errors the streams report, and keeps the first.
	 */
	static final class ErrorCounter implements ApplicationListener<ExchangeErrorEvent> {

		private final AtomicLong count = new AtomicLong();

		private volatile @Nullable ExchangeErrorEvent first;

		@Override
		public void onApplicationEvent(ExchangeErrorEvent event) {
			if (this.count.getAndIncrement() == 0) {
				this.first = event;
			}
		}

		long count() {
			return this.count.get();
		}

		@Nullable ExchangeErrorEvent first() {
			return this.first;
		}

	}

}
