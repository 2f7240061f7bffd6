package dev.exchangeintegration.replay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import dev.exchangeintegration.core.FrameType;
import dev.exchangeintegration.test.CaptureLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for {@link CaptureReader} and {@link CaptureWriter}.
 */
class CaptureReaderTests {

	@TempDir
	Path directory;

	@Test
	void readsTheSharedCryptofeedCaptureFrameForFrame() throws IOException {
		Path capture = new ClassPathResource("replay/binance-futures-2021-07-22.capture").getFile().toPath();
		try (CaptureReader reader = CaptureReader.open(capture)) {
			assertThat(reader.format()).isEqualTo(CaptureFormat.CRYPTOFEED);
			assertThat(reader.source()).startsWith("wss://fstream.binance.com/stream?streams=sushiusdt@aggTrade/");
			List<CapturedFrame> frames = reader.readAll();
			assertThat(frames).extracting(CapturedFrame::text)
				.containsExactlyElementsOf(CaptureLines.payloads(capture));
			assertThat(frames.get(0).epochMicros()).isEqualTo(1626992741062170L);
			assertThat(frames.get(2).epochMicros()).isEqualTo(1626992741310512L);
			assertThat(frames).allMatch((frame) -> !frame.sent() && frame.type() == FrameType.TEXT);
		}
	}

	@Test
	void writtenFramesReadBackByteForByteWhateverTheyHold() throws IOException {
		byte[] binary = new byte[300];
		for (int i = 0; i < binary.length; i++) {
			binary[i] = (byte) i;
		}
		List<CapturedFrame> written = List.of(
				new CapturedFrame(1700000000000001L, true, FrameType.TEXT, utf8("{\"op\":\"subscribe\"}")),
				new CapturedFrame(1700000000000002L, false, FrameType.TEXT, utf8("line one\nline two\r\n\n")),
				new CapturedFrame(1700000000000003L, false, FrameType.BINARY, binary),
				new CapturedFrame(1700000000000004L, false, FrameType.TEXT, new byte[0]),
				new CapturedFrame(1700000000000005L, false, FrameType.TEXT, new byte[200_000]));
		Path plain = write("plain.capture", written, false);
		Path gzipped = write("gzipped.capture.gz", written, true);
		for (Path capture : List.of(plain, gzipped)) {
			try (CaptureReader reader = CaptureReader.open(capture)) {
				assertThat(reader.format()).isEqualTo(CaptureFormat.NATIVE);
				assertThat(reader.source()).isEqualTo("binance test");
				List<CapturedFrame> read = reader.readAll();
				assertThat(read).hasSize(written.size());
				for (int i = 0; i < written.size(); i++) {
					assertThat(read.get(i).epochMicros()).isEqualTo(written.get(i).epochMicros());
					assertThat(read.get(i).sent()).isEqualTo(written.get(i).sent());
					assertThat(read.get(i).type()).isEqualTo(written.get(i).type());
					assertThat(read.get(i).payload()).isEqualTo(written.get(i).payload());
				}
			}
		}
		assertThat(new String(Files.readAllBytes(plain), StandardCharsets.ISO_8859_1))
			.startsWith("#exchange-integration-capture v1 binance test\n"
					+ "1700000000000001 > t 18\n{\"op\":\"subscribe\"}\n1700000000000002 < t 20\nline one\n");
	}

	@Test
	void framesAreViewedWithoutCopies() throws IOException {
		Path capture = write("view.capture", List.of(new CapturedFrame(1, false, FrameType.TEXT, utf8("a")),
				new CapturedFrame(2, false, FrameType.BINARY, utf8("bc"))), false);
		List<String> seen = new ArrayList<>();
		try (CaptureReader reader = CaptureReader.open(capture)) {
			while (reader.next()) {
				seen.add(reader.frame().type() + ":" + new String(reader.frame().array(), reader.frame().arrayOffset(),
						reader.frame().length(), StandardCharsets.UTF_8));
				assertThat(reader.frame().array()).isSameAs(reader.array());
			}
		}
		assertThat(seen).containsExactly("TEXT:a", "BINARY:bc");
	}

	@Test
	void malformedLineFailsNamingItsNumber() throws IOException {
		Path capture = this.directory.resolve("bad.capture");
		Files.writeString(capture, "wss://example <-> 1626992740.1\n1626992741.0: {}\nnot a frame\n");
		try (CaptureReader reader = CaptureReader.open(capture)) {
			assertThat(reader.next()).isTrue();
			assertThatIOException().isThrownBy(reader::next)
				.withMessage("Line 3 of capture " + capture + " is not 'EPOCH_SECONDS: PAYLOAD'");
		}
	}

	@Test
	void truncatedNativeFrameFailsSayingSo() throws IOException {
		Path capture = this.directory.resolve("truncated.capture");
		Files.writeString(capture, "#exchange-integration-capture v1 x\n1 < t 10\nabc");
		try (CaptureReader reader = CaptureReader.open(capture)) {
			assertThatIOException().isThrownBy(reader::next)
				.withMessage("Line 2 of capture " + capture + " announces 10 bytes, but the capture ends before");
		}
	}

	@Test
	void unknownFormatOrVersionFailsOnOpening() throws IOException {
		Path unknown = this.directory.resolve("unknown.capture");
		Files.writeString(unknown, "hello\n");
		assertThatIOException().isThrownBy(() -> CaptureReader.open(unknown))
			.withMessageStartingWith("Capture " + unknown + " is in no known format");
		Path future = this.directory.resolve("future.capture");
		Files.writeString(future, "#exchange-integration-capture v2 x\n");
		assertThatIOException().isThrownBy(() -> CaptureReader.open(future))
			.withMessage(
					"Capture " + future + " is in version 2 of this library's format, and this reader reads version 1");
	}

	private Path write(String name, List<CapturedFrame> frames, boolean gzip) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		OutputStream out = gzip ? new GZIPOutputStream(bytes) : bytes;
		try (CaptureWriter writer = CaptureWriter.create(out, "binance test")) {
			for (CapturedFrame frame : frames) {
				writer.write(frame);
			}
		}
		Path path = this.directory.resolve(name);
		Files.write(path, bytes.toByteArray());
		return path;
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
