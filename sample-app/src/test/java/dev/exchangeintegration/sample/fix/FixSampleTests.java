package dev.exchangeintegration.sample.fix;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.exchangeintegration.annotation.ExchangeListener;
import dev.exchangeintegration.sample.TradeVolume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts the sample offline and checks that the rolling volume computed over FIX, from
 * the embedded FIX venue, is the one the WebSocket feed gives, trade for trade.
 */
@SpringBootTest(properties = "sample.replay.speed=200")
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class FixSampleTests {

	@Autowired
	private Volumes volumes;

	@DynamicPropertySource
	static void ports(DynamicPropertyRegistry registry) throws IOException {
		int replayPort = freePort();
		int fixPort = freePort();
		registry.add("sample.replay.port", () -> replayPort);
		registry.add("sample.fix.port", () -> fixPort);
	}

	@Test
	void fixFeedGivesTheSameRollingVolumeAsTheWebSocketFeed(CapturedOutput output) {
		int count = 200;
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.volumes.fix.size() >= count && this.volumes.webSocket.size() >= count);
		assertThat(this.volumes.fix.subList(0, count))
			.containsExactlyElementsOf(this.volumes.webSocket.subList(0, count));
		TradeVolume first = this.volumes.fix.get(0);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> output.getOut()
				.contains(first.symbol() + " over FIX " + first.quantity() + ", FIX rolling volume "
						+ first.rollingSum()));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class VolumesConfiguration {

		@Bean
		Volumes volumes() {
			return new Volumes();
		}

	}

	static class Volumes {

		final List<TradeVolume> webSocket = new CopyOnWriteArrayList<>();

		final List<TradeVolume> fix = new CopyOnWriteArrayList<>();

		@ExchangeListener("binance-futures")
		void onWebSocket(TradeVolume volume) {
			this.webSocket.add(volume);
		}

		@ExchangeListener("binance-fix")
		void onFix(TradeVolume volume) {
			this.fix.add(volume);
		}

	}

}
