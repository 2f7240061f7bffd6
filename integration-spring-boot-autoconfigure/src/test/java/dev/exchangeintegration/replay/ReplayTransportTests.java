package dev.exchangeintegration.replay;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.exchangeintegration.annotation.ExchangeListener;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;
import dev.exchangeintegration.core.ConnectionState;
import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.core.ExchangeStream;
import dev.exchangeintegration.core.FrameType;
import dev.exchangeintegration.test.CaptureLines;
import dev.exchangeintegration.test.Recorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

import static dev.exchangeintegration.test.ConfigurationFailures.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code replay} protocol through the starter: captures in cryptofeed's format and in
 * this library's, at full speed and paced, looping or completing the stream.
 */
class ReplayTransportTests {

	private static final String CAPTURE = "classpath:replay/binance-futures-2021-07-22.capture";

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@TempDir
	Path directory;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				ExchangeIntegrationAutoConfiguration.class, ReplayAutoConfiguration.class))
		.withBean(Recorder.class)
		.withPropertyValues("exchange-integration.exchanges.feed.protocol=replay",
				"exchange-integration.exchanges.feed.parser=text");

	@Test
	void sharedCryptofeedCaptureReplaysAtFullSpeedWithExactOutputsThenTheStreamCompletes() throws IOException {
		List<String> expected = CaptureLines
			.payloads(new ClassPathResource("replay/binance-futures-2021-07-22.capture").getFile().toPath());
		this.contextRunner.withPropertyValues("exchange-integration.exchanges.feed.replay.path=" + CAPTURE)
			.withBean(Texts.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Texts texts = context.getBean(Texts.class);
				await().atMost(TIMEOUT).until(() -> texts.received.size() >= expected.size());
				assertThat(texts.received).containsExactlyElementsOf(expected);
				Recorder recorder = context.getBean(Recorder.class);
				recorder.awaitState(ConnectionState.STOPPED, 1);
				assertThat(recorder.transitions()).containsExactly("NEW->CONNECTING", "CONNECTING->LIVE",
						"LIVE->STOPPED");
				assertThat(recorder.errors()).isEmpty();
				ExchangeStream<?> stream = context.getBean("feed.exchangeStream", ExchangeStream.class);
				assertThat(stream.state()).isEqualTo(ConnectionState.STOPPED);
			});
	}

	@Test
	void fluxCompletesAtTheEndOfTheReplay() throws IOException {
		Path capture = nativeCapture(List.of(received(1, "one"), received(2, "two"), received(3, "three")));
		this.contextRunner.withPropertyValues("exchange-integration.exchanges.feed.replay.path=" + capture)
			.withBean(FluxSubscriber.class)
			.run((context) -> {
				FluxSubscriber subscriber = context.getBean(FluxSubscriber.class);
				StepVerifier.create(subscriber.outputs)
					.expectNext("one", "two", "three")
					.expectComplete()
					.verify(TIMEOUT);
			});
	}

	@Test
	void recordedAcknowledgementsAcknowledgeTheSubscriptionsSentAsTheReplayOpens() throws IOException {
		String subscribe = "{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@aggTrade\"],\"id\":1}";
		Path capture = nativeCapture(List.of(new CapturedFrame(1, true, FrameType.TEXT, utf8(subscribe)),
				received(2, "{\"result\":null,\"id\":1}"), received(3, "{\"t\":1}"), received(4, "{\"t\":2}")));
		this.contextRunner
			.withPropertyValues("exchange-integration.exchanges.feed.replay.path=" + capture,
					"exchange-integration.exchanges.feed.subscriptions[0]=" + subscribe,
					"exchange-integration.exchanges.feed.subscription-ack.id-pointer=/id")
			.withBean(Texts.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Recorder recorder = context.getBean(Recorder.class);
				recorder.awaitState(ConnectionState.STOPPED, 1);
				assertThat(recorder.transitions()).containsExactly("NEW->CONNECTING", "CONNECTING->SUBSCRIBING",
						"SUBSCRIBING->LIVE", "LIVE->STOPPED");
				assertThat(context.getBean(Texts.class).received).containsExactly("{\"t\":1}", "{\"t\":2}");
				assertThat(recorder.errors()).isEmpty();
			});
	}

	@Test
	void speedOneKeepsTheRecordedSpacing() throws IOException {
		// 300 ms apart at speed 1.5: 200 ms
		Path capture = nativeCapture(List.of(received(1_000_000, "first"), received(1_300_000, "second")));
		this.contextRunner
			.withPropertyValues("exchange-integration.exchanges.feed.replay.path=" + capture,
					"exchange-integration.exchanges.feed.replay.speed=1.5")
			.withBean(Texts.class)
			.run((context) -> {
				Texts texts = context.getBean(Texts.class);
				await().atMost(TIMEOUT).until(() -> texts.arrivals.size() == 2);
				assertThat(Duration.ofNanos(texts.arrivals.get(1) - texts.arrivals.get(0)))
					.isGreaterThanOrEqualTo(Duration.ofMillis(195));
			});
	}

	@Test
	void loopStartsAgainFromTheFirstFrame() throws IOException {
		Path capture = nativeCapture(List.of(received(1, "a"), received(2, "b")));
		this.contextRunner
			.withPropertyValues("exchange-integration.exchanges.feed.replay.path=" + capture,
					"exchange-integration.exchanges.feed.replay.loop=true")
			.withBean(Texts.class)
			.run((context) -> {
				Texts texts = context.getBean(Texts.class);
				await().atMost(TIMEOUT).until(() -> texts.received.size() >= 7);
				assertThat(List.copyOf(texts.received).subList(0, 7)).containsExactly("a", "b", "a", "b", "a", "b",
						"a");
				assertThat(context.getBean("feed.exchangeStream", ExchangeStream.class).state())
					.isEqualTo(ConnectionState.LIVE);
			});
	}

	@Test
	void captureThatCannotBeReadToItsEndDeliversItsFramesOnceThenEndsTheStreamWithAnError() throws IOException {
		Path capture = this.directory.resolve("truncated.capture");
		Files.writeString(capture, "#exchange-integration-capture v1 feed\n1 < t 3\none\n2 < t 3\ntwo\n3 < t 99\nthr");
		this.contextRunner.withPropertyValues("exchange-integration.exchanges.feed.replay.path=" + capture)
			.withBean(Texts.class)
			.run((context) -> {
				Recorder recorder = context.getBean(Recorder.class);
				recorder.awaitState(ConnectionState.STOPPED, 1);
				assertThat(context.getBean(Texts.class).received).containsExactly("one", "two");
				assertThat(recorder.errors()).singleElement().satisfies((error) -> {
					assertThat(error.getKind()).isEqualTo(ErrorKind.CONNECTION);
					assertThat(error.getError()).hasMessage(
							"Line 6 of capture " + capture + " announces 99 bytes, but the capture ends before");
				});
				assertThat(recorder.transitions()).containsExactly("NEW->CONNECTING", "CONNECTING->LIVE",
						"LIVE->STOPPED");
			});
	}

	@Test
	void missingPathFailsStartupNamingTheProperty() {
		this.contextRunner.run((context) -> assertInvalid(context.getStartupFailure(),
				"exchange-integration.exchanges.feed.replay.path",
				"Exchange 'feed' replays a capture but names none."));
	}

	@Test
	void fileThatDoesNotExistFailsStartupNamingTheProperty() {
		Path missing = this.directory.resolve("missing.capture");
		this.contextRunner.withPropertyValues("exchange-integration.exchanges.feed.replay.path=" + missing)
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.feed.replay.path",
					"Exchange 'feed' replays " + missing + ", which is not a readable file."));
	}

	@Test
	void negativeSpeedFailsStartupNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("exchange-integration.exchanges.feed.replay.path=" + CAPTURE,
					"exchange-integration.exchanges.feed.replay.speed=-1")
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.feed.replay.speed", "Exchange 'feed' has replay.speed -1.0."));
	}

	private Path nativeCapture(List<CapturedFrame> frames) throws IOException {
		Path path = Files.createTempFile(this.directory, "replay", ".capture");
		try (OutputStream out = Files.newOutputStream(path); CaptureWriter writer = CaptureWriter.create(out, "feed")) {
			for (CapturedFrame frame : frames) {
				writer.write(frame);
			}
		}
		return path;
	}

	private static CapturedFrame received(long epochMicros, String text) {
		return new CapturedFrame(epochMicros, false, FrameType.TEXT, utf8(text));
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static class FluxSubscriber {

		final Flux<String> outputs;

		FluxSubscriber(@Qualifier("feed") Flux<String> feed) {
			// subscribed before the stream starts, replayed to the verifier
			this.outputs = feed.replay().autoConnect(0);
		}

	}

	static class Texts {

		final List<String> received = new CopyOnWriteArrayList<>();

		final List<Long> arrivals = new CopyOnWriteArrayList<>();

		@ExchangeListener("feed")
		void on(String text) {
			this.arrivals.add(System.nanoTime());
			this.received.add(text);
		}

	}

}
