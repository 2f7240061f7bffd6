package dev.exchangeintegration.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.core.ExchangeError;
import dev.exchangeintegration.core.ExchangeStreamObserver;
import dev.exchangeintegration.core.Frame;
import dev.exchangeintegration.replay.CaptureReader;
import dev.exchangeintegration.replay.CapturedFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link FrameRecorder}: a writer that falls behind leaves frames out of the
 * recording, without ever making the transport's thread wait, and counts and reports
 * them.
 */
class FrameRecorderTests {

	@TempDir
	Path directory;

	@Test
	void framesThatFindTheQueueFullAreLeftOutCountedAndReportedWithoutWaiting() throws Exception {
		// the writer is held inside its report of the failure to open the file: it falls
		// behind, and the queue of 4 frames fills
		Path capture = Files.writeString(this.directory.resolve("file"), "x").resolve("feed.capture");
		CountDownLatch writerHeld = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		List<ExchangeError> errors = new CopyOnWriteArrayList<>();
		ExchangeStreamObserver observer = new ExchangeStreamObserver() {

			@Override
			public void onError(ExchangeError error) {
				errors.add(error);
				if (Thread.currentThread().getName().equals("exchange-record-feed")) {
					writerHeld.countDown();
					awaitQuietly(release);
				}
			}

		};
		FrameRecorder recorder = new FrameRecorder("feed", new CaptureFiles("feed", capture, false, false, false), 0,
				null, 4, observer);
		recorder.received(Frame.text("first"));
		assertThat(writerHeld.await(10, TimeUnit.SECONDS)).isTrue();
		for (int i = 0; i < 20; i++) {
			recorder.received(Frame.text("frame " + i));
		}
		assertThat(recorder.unrecorded()).isEqualTo(16);
		assertThat(errors).hasSize(1 + 5);
		assertThat(errors.subList(1, 6)).allSatisfy((error) -> {
			assertThat(error.kind()).isEqualTo(ErrorKind.RECORDING);
			assertThat(error.cause())
				.hasMessageEndingWith(" frame(s) out of its recording so far: the recorder fell behind");
		});
		assertThat(errors.subList(1, 6)).extracting((error) -> ((RecordingException) error.cause()).getUnrecorded())
			.containsExactly(1L, 2L, 4L, 8L, 16L);
		release.countDown();
		// the first frame and the 4 queued cannot be written either: all 21 are left out
		await().atMost(Duration.ofSeconds(10)).until(() -> recorder.unrecorded() == 21);
		recorder.close(Duration.ofSeconds(5));
		assertThat(recorder.recorded()).isZero();
	}

	@Test
	void closeWritesWhatIsQueued() throws IOException {
		Path capture = this.directory.resolve("feed.capture");
		FrameRecorder recorder = new FrameRecorder("feed", new CaptureFiles("feed", capture, false, false, false), 0,
				null, 1000, new ExchangeStreamObserver() {
				});
		for (int i = 0; i < 500; i++) {
			recorder.received(Frame.text("frame " + i));
		}
		recorder.close(Duration.ofSeconds(10));
		assertThat(recorder.recorded()).isEqualTo(500);
		assertThat(CaptureReader.readAll(capture)).hasSize(500);
	}

	@Test
	void aFileThatExistsIsAppendedToWithoutASecondHeaderGzippedOrNot() throws IOException {
		for (boolean gzip : new boolean[] { false, true }) {
			Path capture = this.directory.resolve("appended-" + gzip + ".capture");
			record(capture, gzip, "a", "b");
			record(capture, gzip, "c");
			assertThat(CaptureReader.readAll(capture)).extracting(CapturedFrame::text).containsExactly("a", "b", "c");
		}
	}

	private static void record(Path capture, boolean gzip, String... texts) {
		FrameRecorder recorder = new FrameRecorder("feed", new CaptureFiles("feed", capture, false, false, gzip), 0,
				null, 100, new ExchangeStreamObserver() {
				});
		for (String text : texts) {
			recorder.received(Frame.text(text));
		}
		recorder.close(Duration.ofSeconds(10));
		assertThat(recorder.recorded()).isEqualTo(texts.length);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
