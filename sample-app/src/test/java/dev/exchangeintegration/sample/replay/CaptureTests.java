package dev.exchangeintegration.sample.replay;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for {@link Capture}.
 */
class CaptureTests {

	/**
	 * Lines of the capture carrying an aggTrade envelope, from
	 * {@code grep -c '@aggTrade"' binance-futures-2021-07-22.capture} (the header line
	 * also names the aggTrade streams, but not followed by a quote).
	 */
	private static final int AGG_TRADE_FRAMES = 91;

	private static final String FIRST_AGG_TRADE = "{\"e\":\"aggTrade\",\"E\":1626992741575,\"a\":16599292,"
			+ "\"s\":\"CTKUSDT\",\"p\":\"1.01100\",\"q\":\"10\",\"f\":23961322,\"l\":23961322,"
			+ "\"T\":1626992741421,\"m\":false}";

	private final Capture capture = load();

	@Test
	void readsUrlAndEveryFrame() {
		assertThat(this.capture.url()).startsWith("wss://fstream.binance.com/stream?streams=sushiusdt@aggTrade/");
		// wc -l counts 1536 newlines: a header and 1535 frames
		assertThat(this.capture.frames()).hasSize(1535);
		assertThat(this.capture.frames().get(0).offset()).isZero();
		assertThat(this.capture.frames().get(0).text()).startsWith("{\"stream\":\"sushiusdt@bookTicker\",");
	}

	@Test
	void selectsEveryAggTradeFrame() {
		assertThat(this.capture.aggTrades()).hasSize(AGG_TRADE_FRAMES);
	}

	@Test
	void unwrapsAggTradePayloadsCharacterForCharacter() {
		List<CaptureFrame> aggTrades = this.capture.aggTrades();
		assertThat(aggTrades.get(0).text()).isEqualTo(FIRST_AGG_TRADE).contains("\"q\":\"10\"");
		assertThat(aggTrades.get(1).text()).contains("\"s\":\"AKROUSDT\",\"p\":\"0.01731\",\"q\":\"312\",");
		assertThat(aggTrades).allSatisfy((frame) -> assertThat(frame.text()).startsWith("{\"e\":\"aggTrade\",")
			.endsWith("}")
			.doesNotContain("\"stream\""));
	}

	@Test
	void keepsTheSpacingOfAggTradesFromTheFirstOne() {
		List<CaptureFrame> aggTrades = this.capture.aggTrades();
		assertThat(aggTrades.get(0).offset()).isZero();
		// receive times 1626992742.289739, 1626992742.334986 and 1626992770.566407
		assertThat(aggTrades.get(1).offset()).isEqualTo(Duration.ofNanos(45_247_000));
		assertThat(aggTrades.get(AGG_TRADE_FRAMES - 1).offset()).isEqualTo(Duration.ofNanos(28_276_668_000L));
		assertThat(aggTrades).extracting(CaptureFrame::offset).isSorted();
	}

	@Test
	void skipsFramesThatAreNotEnvelopesOfTheSelectedStream() throws IOException {
		Capture capture = read("""
				wss://example.test/stream <-> 100.5
				100.75: {"stream":"btcusdt@aggTrade","data":{"e":"aggTrade","q":"1.50"}}
				101: not json
				101.5: {"stream":"btcusdt@bookTicker","data":{"e":"bookTicker"}}
				102.25: {"data":{"e":"aggTrade"},"stream":"ethusdt@aggTrade"}
				""");
		assertThat(capture.url()).isEqualTo("wss://example.test/stream");
		assertThat(capture.frames()).extracting(CaptureFrame::offset)
			.containsExactly(Duration.ZERO, Duration.ofMillis(250), Duration.ofMillis(750), Duration.ofMillis(1500));
		assertThat(capture.aggTrades()).containsExactly(
				new CaptureFrame(Duration.ZERO, "{\"e\":\"aggTrade\",\"q\":\"1.50\"}"),
				new CaptureFrame(Duration.ofMillis(1500), "{\"e\":\"aggTrade\"}"));
	}

	@Test
	void rejectsInputWithoutHeader() {
		assertThatIOException().isThrownBy(() -> read("100.75: {}\n")).withMessageContaining("first line");
	}

	@Test
	void rejectsFrameWithoutReceiveTime() {
		assertThatIOException().isThrownBy(() -> read("wss://example.test <-> 1\n{}\n"))
			.withMessageContaining("Line 2");
	}

	private static Capture load() {
		try {
			return Capture.load(new ClassPathResource("replay/binance-futures-2021-07-22.capture"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Capture read(String text) throws IOException {
		return Capture.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
	}

}
