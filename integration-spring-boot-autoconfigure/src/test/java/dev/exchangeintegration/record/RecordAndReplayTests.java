package dev.exchangeintegration.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.exchangeintegration.annotation.ExchangeListener;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;
import dev.exchangeintegration.replay.CaptureReader;
import dev.exchangeintegration.replay.CapturedFrame;
import dev.exchangeintegration.replay.ReplayAutoConfiguration;
import dev.exchangeintegration.rest.autoconfigure.RestClientAutoConfiguration;
import dev.exchangeintegration.test.BinanceMessage;
import dev.exchangeintegration.test.FakeExchange;
import dev.exchangeintegration.test.Recorder;
import dev.exchangeintegration.test.Volume;
import dev.exchangeintegration.test.VolumeConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A live feed on loopback recorded, then replayed through a second application context:
 * the replay delivers the recorded frames byte for byte, and the same transformer gives
 * the same outputs. For a WebSocket feed with acknowledged subscriptions, and a REST
 * poll.
 */
class RecordAndReplayTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final String SUBSCRIBE = "{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@aggTrade\"],\"id\":1}";

	private static final String ACK = "{\"result\":null,\"id\":1}";

	@RegisterExtension
	static FakeExchange exchange = FakeExchange.create();

	@TempDir
	Path directory;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				ExchangeIntegrationAutoConfiguration.class, RestClientAutoConfiguration.class,
				ReplayAutoConfiguration.class, RecordingAutoConfiguration.class))
		.withBean(Recorder.class);

	@Test
	void webSocketFeedRecordedThenReplayedGivesTheSameFramesAndOutputs() throws IOException {
		exchange.onMessage(SUBSCRIBE::equals, ACK);
		List<String> sent = new ArrayList<>();
		for (int i = 1; i <= 50; i++) {
			sent.add(BinanceMessage.trade((i % 2 == 0) ? "BTCUSDT" : "ETHUSDT", i + ".5"));
		}
		sent.add("{\"e\":\"aggTrade\",\"s\":\"BTCUSDT\",\"q\":\"1\",\"note\":\"line\\nbreak \u00e9\"}");
		Path live = this.directory.resolve("live.capture");
		List<Volume> liveOutputs = new ArrayList<>();
		int before = exchange.connections();
		ApplicationContextRunner trades = this.contextRunner.withUserConfiguration(VolumeConfiguration.class)
			.withBean(Volumes.class)
			.withPropertyValues("exchange-integration.exchanges.trades.subscriptions[0]=" + SUBSCRIBE,
					"exchange-integration.exchanges.trades.subscription-ack.id-pointer=/id",
					"exchange-integration.exchanges.trades.transformer=volumeTransformer");
		trades
			.withPropertyValues("exchange-integration.exchanges.trades.url=" + exchange.url(),
					"exchange-integration.exchanges.trades.record.path=" + live)
			.run((context) -> {
				exchange.awaitConnections(before + 1, TIMEOUT);
				await().atMost(TIMEOUT).until(() -> exchange.received().contains(SUBSCRIBE));
				sent.forEach(exchange::send);
				Volumes volumes = context.getBean(Volumes.class);
				await().atMost(TIMEOUT).until(() -> volumes.received.size() == sent.size());
				liveOutputs.addAll(volumes.received);
			});
		exchange.reset();
		List<CapturedFrame> recorded = CaptureReader.readAll(live);
		assertThat(texts(recorded, true)).containsExactly(SUBSCRIBE);
		List<String> expectedReceived = new ArrayList<>();
		expectedReceived.add(ACK);
		expectedReceived.addAll(sent);
		assertThat(texts(recorded, false)).containsExactlyElementsOf(expectedReceived);

		Path replayed = this.directory.resolve("replayed.capture");
		trades
			.withPropertyValues("exchange-integration.exchanges.trades.protocol=replay",
					"exchange-integration.exchanges.trades.replay.path=" + live,
					"exchange-integration.exchanges.trades.record.path=" + replayed)
			.run((context) -> {
				Volumes volumes = context.getBean(Volumes.class);
				await().atMost(TIMEOUT).until(() -> volumes.received.size() == liveOutputs.size());
				assertThat(volumes.received).containsExactlyElementsOf(liveOutputs);
				assertThat(context.getBean(Recorder.class).errors()).isEmpty();
			});
		List<CapturedFrame> again = CaptureReader.readAll(replayed);
		assertThat(payloads(again, false)).containsExactlyElementsOf(payloads(recorded, false));
		assertThat(texts(again, true)).containsExactly(SUBSCRIBE);
	}

	@Test
	void restPollRecordedThenReplayedGivesTheSameFramesAndOutputs() throws IOException {
		WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
		server.start();
		List<String> bodies = List.of("{\"n\":1}", "{\n  \"n\": 2,\n  \"pretty\": true\n}\n", "{\"n\":3}");
		try {
			for (int i = 0; i < bodies.size(); i++) {
				server.stubFor(get(urlPathEqualTo("/poll")).inScenario("polls")
					.whenScenarioStateIs((i == 0) ? Scenario.STARTED : "poll" + i)
					.willReturn(aResponse().withStatus(200)
						.withHeader("Content-Type", "application/json")
						.withBody(bodies.get(i)))
					.willSetStateTo("poll" + ((i + 1) % bodies.size())));
			}
			server.stubFor(get(urlPathEqualTo("/poll")).inScenario("polls")
				.whenScenarioStateIs("poll0")
				.willReturn(aResponse().withStatus(200).withBody(bodies.get(0)))
				.willSetStateTo("poll1"));
			Path live = this.directory.resolve("polls.capture");
			List<String> liveOutputs = new ArrayList<>();
			ApplicationContextRunner polls = this.contextRunner.withBean(Texts.class)
				.withPropertyValues("exchange-integration.exchanges.polls.parser=text");
			polls
				.withPropertyValues("exchange-integration.exchanges.polls.protocol=rest-poll",
						"exchange-integration.exchanges.polls.url=" + server.baseUrl() + "/poll",
						"exchange-integration.exchanges.polls.interval=10ms",
						"exchange-integration.exchanges.polls.record.path=" + live)
				.run((context) -> {
					Texts texts = context.getBean(Texts.class);
					await().atMost(TIMEOUT).until(() -> texts.received.size() >= 4);
					liveOutputs.addAll(texts.received);
				});
			List<CapturedFrame> recorded = CaptureReader.readAll(live);
			List<String> recordedTexts = texts(recorded, false);
			assertThat(recordedTexts.subList(0, 4)).containsExactly(bodies.get(0), bodies.get(1), bodies.get(2),
					bodies.get(0));
			assertThat(recordedTexts.subList(0, liveOutputs.size())).containsExactlyElementsOf(liveOutputs);
			polls
				.withPropertyValues("exchange-integration.exchanges.polls.protocol=replay",
						"exchange-integration.exchanges.polls.replay.path=" + live)
				.run((context) -> {
					Texts texts = context.getBean(Texts.class);
					await().atMost(TIMEOUT).until(() -> texts.received.size() == recordedTexts.size());
					assertThat(texts.received).containsExactlyElementsOf(recordedTexts);
				});
		}
		finally {
			server.stop();
		}
	}

	private static List<String> texts(List<CapturedFrame> frames, boolean sent) {
		return frames.stream().filter((frame) -> frame.sent() == sent).map(CapturedFrame::text).toList();
	}

	private static List<String> payloads(List<CapturedFrame> frames, boolean sent) {
		// byte for byte: ISO-8859-1 maps each byte to one character
		return frames.stream()
			.filter((frame) -> frame.sent() == sent)
			.map((frame) -> new String(frame.payload(), StandardCharsets.ISO_8859_1))
			.toList();
	}

	static List<Path> files(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.sorted().toList();
		}
	}

	static class Volumes {

		final List<Volume> received = new CopyOnWriteArrayList<>();

		@ExchangeListener("trades")
		void on(Volume volume) {
			this.received.add(volume);
		}

	}

	static class Texts {

		final List<String> received = new CopyOnWriteArrayList<>();

		@ExchangeListener("polls")
		void on(String text) {
			this.received.add(text);
		}

	}

}
