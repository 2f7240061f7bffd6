package dev.exchangeintegration.line;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import dev.exchangeintegration.annotation.ExchangeListener;
import dev.exchangeintegration.autoconfigure.ExchangeDefinitions;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;
import dev.exchangeintegration.core.Transformer;
import dev.exchangeintegration.test.Recorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

import static dev.exchangeintegration.test.ConfigurationFailures.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A transport declared in test code only, a line-based TCP protocol, runs end to end
 * through an application.yml, a transformer and an {@code @ExchangeListener}, with no
 * change to the library; its bad settings fail startup naming the property.
 */
class LineTransportTests {

	private final LineServer server = lineServer();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(JacksonAutoConfiguration.class, ExchangeIntegrationAutoConfiguration.class))
		.withInitializer((context) -> {
			try {
				new YamlPropertySourceLoader().load("line", new ClassPathResource("line/application-line.yml"))
					.forEach(context.getEnvironment().getPropertySources()::addLast);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		})
		.withPropertyValues("line.server.port=" + this.server.port())
		.withUserConfiguration(LineConfiguration.class)
		.withBean(Recorder.class);

	@AfterEach
	void stopServer() throws IOException {
		this.server.close();
	}

	@Test
	void linesReachTheListenerThroughTheTransformerAfterTheLoginIsSent() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(this.server.awaitReceived(1)).containsExactly("LOGIN demo");
			this.server.send("BTCUSDT 30000.5", "ETHUSDT 2000.25", "not a tick", "BTCUSDT 30001");
			TickListener listener = context.getBean(TickListener.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> listener.ticks.size() >= 3);
			assertThat(listener.ticks).containsExactly(new Tick("BTCUSDT", new BigDecimal("30000.5")),
					new Tick("ETHUSDT", new BigDecimal("2000.25")), new Tick("BTCUSDT", new BigDecimal("30001")));
			assertThat(context.getBean(Recorder.class).awaitError(0).getError()).hasMessage("not a tick: 'not a tick'");
			// a transport describes its own endpoint, for the exchanges Actuator endpoint
			assertThat(context.getBean(ExchangeDefinitions.class).find("ticks").orElseThrow().transport().endpoint())
				.isEqualTo("127.0.0.1:" + this.server.port());
		});
	}

	@Test
	void badPortFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("exchange-integration.exchanges.ticks.line.port=70000")
			.run((context) -> assertThat(
					assertInvalid(context.getStartupFailure(), "exchange-integration.exchanges.ticks.line.port",
							"Exchange 'ticks' has line port 70000.")
						.getReason())
				.endsWith("Set exchange-integration.exchanges.ticks.line.port between 1 and 65535."));
	}

	@Test
	void missingHostFailsStartupNamingTheSharedDefault() {
		this.contextRunner.withPropertyValues("exchange-integration.defaults.line.host=")
			.run((context) -> assertInvalid(context.getStartupFailure(), "exchange-integration.defaults.line.host",
					"Exchange 'ticks' has no line host."));
	}

	private static LineServer lineServer() {
		try {
			return new LineServer();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Tick(String symbol, BigDecimal price) {

	}

	@Configuration(proxyBeanMethods = false)
	static class LineConfiguration {

		@Bean
		LineTransportFactory lineTransportFactory() {
			return new LineTransportFactory();
		}

		@Bean
		Transformer<String, Tick> tickTransformer() {
			return new TickTransformer();
		}

		@Bean
		TickListener tickListener() {
			return new TickListener();
		}

	}

	static class TickTransformer implements Transformer<String, Tick> {

		@Override
		public void transform(String line, Consumer<? super Tick> out) {
			String[] fields = line.split(" ");
			if (fields.length != 2) {
				throw new IllegalArgumentException("not a tick: '" + line + "'");
			}
			out.accept(new Tick(fields[0], new BigDecimal(fields[1])));
		}

	}

	static class TickListener {

		final List<Tick> ticks = new CopyOnWriteArrayList<>();

		@ExchangeListener("ticks")
		void on(Tick tick) {
			this.ticks.add(tick);
		}

	}

}
