package dev.exchangeintegration.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.exchangeintegration.core.ConnectionState;
import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.core.ExchangeError;
import dev.exchangeintegration.core.ExchangeStreamObserver;
import dev.exchangeintegration.event.ExchangeErrorEvent;
import dev.exchangeintegration.event.ExchangeErrorPublisher;
import dev.exchangeintegration.test.Recorder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ExchangeStreamObservers}: an application's observers add to the
 * library's logging and events.
 */
class ExchangeStreamObserversTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(JacksonAutoConfiguration.class, ExchangeIntegrationAutoConfiguration.class))
		.withBean(Recorder.class);

	@Test
	void everyObserverBeanIsCalledInOrderAndTheEventPublisherStaysOn() {
		this.contextRunner.withUserConfiguration(ObserverConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ExchangeErrorPublisher.class);
			ExchangeStreamObservers observers = context.getBean(ExchangeStreamObservers.class);
			assertThat(observers.observers()).hasSize(3)
				.containsSubsequence(context.getBean("first", ExchangeStreamObserver.class),
						context.getBean("second", ExchangeStreamObserver.class));
			ExchangeError error = new ExchangeError("binance", ErrorKind.PARSE, new IllegalStateException("bad"), "{");
			observers.onError(error);
			observers.onStateChange("binance", ConnectionState.NEW, ConnectionState.CONNECTING, null);
			List<String> calls = context.getBean(ObserverConfiguration.class).calls;
			assertThat(calls).containsExactly("first error binance", "second error binance", "first state CONNECTING",
					"second state CONNECTING");
			ExchangeErrorEvent event = context.getBean(Recorder.class).awaitError(0);
			assertThat(event.getExchange()).isEqualTo("binance");
			assertThat(event.getKind()).isEqualTo(ErrorKind.PARSE);
		});
	}

	@Test
	void anObserverThatThrowsStopsNeitherTheOthersNorTheEvents() {
		this.contextRunner.withUserConfiguration(FailingObserverConfiguration.class, ObserverConfiguration.class)
			.run((context) -> {
				ExchangeStreamObservers observers = context.getBean(ExchangeStreamObservers.class);
				observers
					.onError(new ExchangeError("binance", ErrorKind.PARSE, new IllegalStateException("bad"), null));
				assertThat(context.getBean(ObserverConfiguration.class).calls).containsExactly("first error binance",
						"second error binance");
				assertThat(context.getBean(Recorder.class).awaitError(0).getExchange()).isEqualTo("binance");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class ObserverConfiguration {

		final List<String> calls = new CopyOnWriteArrayList<>();

		@Bean
		@Order(2)
		ExchangeStreamObserver second() {
			return observer("second");
		}

		@Bean
		@Order(1)
		ExchangeStreamObserver first() {
			return observer("first");
		}

		private ExchangeStreamObserver observer(String name) {
			return new ExchangeStreamObserver() {

				@Override
				public void onError(ExchangeError error) {
					ObserverConfiguration.this.calls.add(name + " error " + error.exchange());
				}

				@Override
				public void onStateChange(String exchange, ConnectionState previous, ConnectionState current,
						@Nullable Throwable cause) {
					ObserverConfiguration.this.calls.add(name + " state " + current);
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingObserverConfiguration {

		@Bean
		@Order(0)
		ExchangeStreamObserver failing() {
			return new ExchangeStreamObserver() {

				@Override
				public void onError(ExchangeError error) {
					throw new IllegalStateException("observer failed");
				}

			};
		}

	}

}
