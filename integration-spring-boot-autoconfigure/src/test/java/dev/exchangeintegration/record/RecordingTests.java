package dev.exchangeintegration.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.exchangeintegration.annotation.ExchangeListener;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;
import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.event.ExchangeErrorEvent;
import dev.exchangeintegration.replay.CaptureReader;
import dev.exchangeintegration.replay.CapturedFrame;
import dev.exchangeintegration.test.FakeExchange;
import dev.exchangeintegration.test.Recorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static dev.exchangeintegration.test.ConfigurationFailures.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Recording ({@code record.*}) of a WebSocket feed from a {@link FakeExchange}: files in
 * a directory, rotation by size and by time, gzip, a file that cannot be written, and
 * settings that fail startup.
 */
class RecordingTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@RegisterExtension
	static FakeExchange exchange = FakeExchange.create();

	@TempDir
	Path directory;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				ExchangeIntegrationAutoConfiguration.class, RecordingAutoConfiguration.class))
		.withBean(Recorder.class)
		.withBean(Texts.class)
		.withPropertyValues("exchange-integration.exchanges.feed.url=" + exchange.url(),
				"exchange-integration.exchanges.feed.parser=text");

	@AfterEach
	void reset() {
		exchange.reset();
	}

	@Test
	void fileThatCannotBeWrittenIsReportedAndTheStreamGoesOn() throws IOException {
		Path notADirectory = Files.writeString(this.directory.resolve("plain-file"), "x");
		Path capture = notADirectory.resolve("feed.capture");
		this.contextRunner.withPropertyValues("exchange-integration.exchanges.feed.record.path=" + capture)
			.run((context) -> {
				List<String> sent = sendWhenConnected(List.of("{\"n\":1}", "{\"n\":2}", "{\"n\":3}"));
				Texts texts = context.getBean(Texts.class);
				await().atMost(TIMEOUT).until(() -> texts.received.size() == 3);
				assertThat(texts.received).containsExactlyElementsOf(sent);
				Recorder recorder = context.getBean(Recorder.class);
				ExchangeErrorEvent failure = recorder.awaitError((error) -> error.getKind() == ErrorKind.RECORDING);
				assertThat(failure.getExchange()).isEqualTo("feed");
				assertThat(failure.getError()).isInstanceOf(RecordingException.class)
					.hasMessage("Exchange 'feed' could not open its capture file " + capture
							+ "; frames are left out of the recording until it can be written again")
					.hasCauseInstanceOf(IOException.class);
				ExchangeErrorEvent leftOut = recorder
					.awaitError((error) -> error.getKind() == ErrorKind.RECORDING && error.getError()
						.getMessage()
						.startsWith("Exchange 'feed' left 1 frame(s) out of its recording so far"));
				assertThat(((RecordingException) leftOut.getError()).getUnrecorded()).isEqualTo(1);
				FrameRecorder frameRecorder = context.getBean(RecordingTransportDecorator.class).recorders().get(0);
				await().atMost(TIMEOUT).until(() -> frameRecorder.unrecorded() == 3);
				assertThat(frameRecorder.recorded()).isZero();
				assertThat(recorder.errors()).allMatch((error) -> error.getKind() == ErrorKind.RECORDING);
			});
	}

	@Test
	void filesInADirectoryRotateBySize() throws IOException {
		Path captures = Files.createDirectory(this.directory.resolve("captures"));
		List<String> frames = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			frames.add("{\"n\":" + i + ",\"padding\":\"" + "x".repeat(80) + "\"}");
		}
		this.contextRunner
			.withPropertyValues("exchange-integration.exchanges.feed.record.path=" + captures,
					"exchange-integration.exchanges.feed.record.rotate-size=500B")
			.run((context) -> {
				sendWhenConnected(frames);
				Texts texts = context.getBean(Texts.class);
				await().atMost(TIMEOUT).until(() -> texts.received.size() == frames.size());
			});
		List<Path> files = RecordAndReplayTests.files(captures);
		assertThat(files).hasSizeGreaterThanOrEqualTo(6)
			.allSatisfy((file) -> assertThat(file.getFileName().toString())
				.matches("feed-\\d{8}T\\d{6}\\.\\d{6}Z(_\\d{3})?\\.capture"));
		List<String> recorded = new ArrayList<>();
		for (Path file : files) {
			assertThat(Files.size(file)).isLessThanOrEqualTo(500);
			CaptureReader.readAll(file).stream().map(CapturedFrame::text).forEach(recorded::add);
		}
		assertThat(recorded).containsExactlyElementsOf(frames);
	}

	@Test
	void filesRotateByTimeAndCanBeGzipped() throws IOException {
		Path captures = Files.createDirectory(this.directory.resolve("timed"));
		List<String> sent = new CopyOnWriteArrayList<>();
		this.contextRunner
			.withPropertyValues("exchange-integration.exchanges.feed.record.path=" + captures + "/",
					"exchange-integration.exchanges.feed.record.rotate-interval=100ms",
					"exchange-integration.exchanges.feed.record.gzip=true")
			.run((context) -> {
				exchange.awaitConnections(1, TIMEOUT);
				await().atMost(TIMEOUT).until(() -> {
					String frame = "{\"n\":" + sent.size() + "}";
					exchange.send(frame);
					sent.add(frame);
					return RecordAndReplayTests.files(captures).size() >= 2;
				});
				Texts texts = context.getBean(Texts.class);
				await().atMost(TIMEOUT).until(() -> texts.received.size() == sent.size());
			});
		List<String> recorded = new ArrayList<>();
		for (Path file : RecordAndReplayTests.files(captures)) {
			assertThat(file.getFileName().toString()).endsWith(".capture.gz");
			assertThat(Files.readAllBytes(file)).startsWith((byte) 0x1f, (byte) 0x8b);
			CaptureReader.readAll(file).stream().map(CapturedFrame::text).forEach(recorded::add);
		}
		assertThat(recorded).containsExactlyElementsOf(sent);
	}

	@Test
	void disabledRecordingLeavesTheTransportAsItIs() {
		Path capture = this.directory.resolve("off.capture");
		this.contextRunner
			.withPropertyValues("exchange-integration.exchanges.feed.record.path=" + capture,
					"exchange-integration.exchanges.feed.record.enabled=false")
			.run((context) -> {
				sendWhenConnected(List.of("{}"));
				await().atMost(TIMEOUT).until(() -> context.getBean(Texts.class).received.size() == 1);
				assertThat(context.getBean(RecordingTransportDecorator.class).recorders()).isEmpty();
			});
		assertThat(capture).doesNotExist();
	}

	@Test
	void enabledWithoutPathFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("exchange-integration.exchanges.feed.record.enabled=true")
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.feed.record.path",
					"Exchange 'feed' records its traffic but has no path."));
	}

	@Test
	void zeroRotateSizeFailsStartupNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("exchange-integration.exchanges.feed.record.path=" + this.directory,
					"exchange-integration.exchanges.feed.record.rotate-size=0B")
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.feed.record.rotate-size", "Exchange 'feed' rotate-size is 0B."));
	}

	private static List<String> sendWhenConnected(List<String> frames) {
		exchange.awaitConnections(1, TIMEOUT);
		await().atMost(TIMEOUT).until(() -> {
			try {
				exchange.send(frames.get(0));
				return true;
			}
			catch (IllegalStateException ex) {
				return false;
			}
		});
		frames.subList(1, frames.size()).forEach(exchange::send);
		return frames;
	}

	static class Texts {

		final List<String> received = new CopyOnWriteArrayList<>();

		@ExchangeListener("feed")
		void on(String text) {
			this.received.add(text);
		}

	}

}
