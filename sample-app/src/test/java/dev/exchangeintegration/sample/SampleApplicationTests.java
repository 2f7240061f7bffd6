package dev.exchangeintegration.sample;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.exchangeintegration.annotation.ExchangeListener;
import dev.exchangeintegration.replay.CaptureReader;
import dev.exchangeintegration.replay.CapturedFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts the sample with its offline default, both exchanges replaying their captures,
 * and checks the outputs against the captures.
 */
@SpringBootTest(properties = "sample.replay.speed=200")
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationTests {

	private static final Pattern MARK_PRICE = Pattern.compile("\"markPrice\":\"([^\"]+)\"");

	private static final Pattern QUANTITY = Pattern.compile("\"q\":\"([^\"]+)\"");

	@Autowired
	private Recorder recorder;

	@Test
	void rollingSumsMatchTheCaptureAggTradeQuantitiesAcrossALoop(CapturedOutput output) throws IOException {
		List<BigDecimal> quantities = captureAggTradeQuantities();
		int expectedCount = quantities.size() + 10;
		List<BigDecimal> expected = new ArrayList<>();
		BigDecimal sum = BigDecimal.ZERO;
		for (int i = 0; i < expectedCount; i++) {
			sum = sum.add(quantities.get(i % quantities.size()));
			expected.add(sum);
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> this.recorder.volumes.size() >= expectedCount);
		assertThat(List.copyOf(this.recorder.volumes)
			.subList(0, expectedCount)
			.stream()
			.map(TradeVolume::rollingSum)
			.toList()).containsExactlyElementsOf(expected);
		assertThat(this.recorder.volumes.get(0).quantity()).isEqualTo(quantities.get(0));
		TradeVolume first = this.recorder.volumes.get(0);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> output.getOut()
				.contains(first.symbol() + " traded " + first.quantity() + ", rolling volume " + first.rollingSum()));
	}

	@Test
	void premiumIndexResponsesAreReplayedInOrder() throws IOException {
		List<String> bodies = new ArrayList<>();
		try (InputStream in = SampleApplicationTests.class
			.getResourceAsStream("/replay/premium-index-2021-07-22.capture")) {
			for (CapturedFrame frame : CaptureReader.of(in, "premium-index").readAll()) {
				bodies.add(frame.text());
			}
		}
		assertThat(bodies).hasSize(6);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.recorder.indexes.size() >= bodies.size());
		for (int i = 0; i < bodies.size(); i++) {
			Matcher price = MARK_PRICE.matcher(bodies.get(i));
			assertThat(price.find()).isTrue();
			assertThat(this.recorder.indexes.get(i))
				.isEqualTo(new PremiumIndex("SUSHIUSDT", new BigDecimal(price.group(1)), new BigDecimal("0.00010000")));
		}
	}

	/**
	 * Reads the quantities straight from the capture file, independently of the replay
	 * server.
	 */
	private static List<BigDecimal> captureAggTradeQuantities() throws IOException {
		List<BigDecimal> quantities = new ArrayList<>();
		try (InputStream in = SampleApplicationTests.class
			.getResourceAsStream("/replay/binance-futures-2021-07-22.capture")) {
			String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
			for (String line : lines) {
				if (line.contains("@aggTrade\"")) {
					Matcher matcher = QUANTITY.matcher(line);
					assertThat(matcher.find()).isTrue();
					quantities.add(new BigDecimal(matcher.group(1)));
				}
			}
		}
		assertThat(quantities).isNotEmpty();
		return quantities;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class RecorderConfiguration {

		@Bean
		Recorder recorder() {
			return new Recorder();
		}

	}

	static class Recorder {

		final List<TradeVolume> volumes = new CopyOnWriteArrayList<>();

		@ExchangeListener("binance-futures")
		void on(TradeVolume volume) {
			this.volumes.add(volume);
		}

		final List<PremiumIndex> indexes = new CopyOnWriteArrayList<>();

		@ExchangeListener("premium-index")
		void on(PremiumIndex index) {
			this.indexes.add(index);
		}

	}

}
