package dev.exchangeintegration.sample.replay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.exchangeintegration.replay.CaptureReader;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.util.StreamUtils;

/**
 * A recorded WebSocket session: the frames a client received, in order, with the time
 * each one arrived.
 * <p>
 * Read by the library's {@link CaptureReader}, in cryptofeed's raw capture format (the
 * first line is {@code <stream URL> <-> <connect time>}, every other line
 * {@code <receive time>: <frame text>}, times being epoch seconds with a fraction) or in
 * the library's own.
 */
public final class Capture {

	private static final JsonMapper json = JsonMapper.shared();

	private final String url;

	private final List<CaptureFrame> frames;

	private Capture(String url, List<CaptureFrame> frames) {
		this.url = url;
		this.frames = frames;
	}

	/**
	 * Load a capture from a resource.
	 * @param resource the capture resource
	 * @return the capture
	 * @throws IOException if the resource cannot be read or is not a capture
	 */
	public static Capture load(Resource resource) throws IOException {
		try (InputStream in = resource.getInputStream()) {
			return read(in);
		}
	}

	/**
	 * Read a capture from a stream, which is left open, with the library's
	 * {@link CaptureReader}: cryptofeed's format or the library's own, gzipped or not.
	 * Only the frames the client received are kept.
	 * @param in the stream to read
	 * @return the capture
	 * @throws IOException if the stream cannot be read or is not a capture
	 */
	public static Capture read(InputStream in) throws IOException {
		CaptureReader reader = CaptureReader.of(StreamUtils.nonClosing(in), "stream");
		List<CaptureFrame> frames = new ArrayList<>();
		long first = Long.MIN_VALUE;
		while (reader.next()) {
			if (reader.sent()) {
				continue;
			}
			first = (first == Long.MIN_VALUE) ? reader.epochMicros() : first;
			String text = new String(reader.array(), reader.offset(), reader.length(), StandardCharsets.UTF_8);
			frames.add(new CaptureFrame(Duration.ofNanos((reader.epochMicros() - first) * 1000), text));
		}
		return new Capture(reader.source(), List.copyOf(frames));
	}

	/**
	 * Return the URL the capture was recorded from.
	 * @return the stream URL
	 */
	public String url() {
		return this.url;
	}

	/**
	 * Return every captured frame, with offsets from the first one.
	 * @return the frames, in order of arrival
	 */
	public List<CaptureFrame> frames() {
		return this.frames;
	}

	/**
	 * Return the {@code aggTrade} frames unwrapped from their combined-stream envelope
	 * ({@code {"stream":"...@aggTrade","data":{...}}}), that is the {@code data} object
	 * character for character, as Binance sends it on a raw {@code /ws/} stream. Offsets
	 * are relative to the first selected frame, so the spacing between frames is
	 * preserved.
	 * @return the aggTrade payloads, in order of arrival
	 */
	public List<CaptureFrame> aggTrades() {
		return payloads("@aggTrade");
	}

	private List<CaptureFrame> payloads(String streamSuffix) {
		List<CaptureFrame> selected = new ArrayList<>();
		Duration first = null;
		for (CaptureFrame frame : this.frames) {
			String payload = payload(frame.text(), streamSuffix);
			if (payload != null) {
				first = (first != null) ? first : frame.offset();
				selected.add(new CaptureFrame(frame.offset().minus(first), payload));
			}
		}
		return List.copyOf(selected);
	}

	/**
	 * Return the text of the {@code data} object of a combined-stream envelope whose
	 * {@code stream} ends with the given suffix, or {@code null} for any other frame.
	 */
	private static @Nullable String payload(String text, String streamSuffix) {
		String stream = null;
		String data = null;
		try (JsonParser parser = json.createParser(text)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if ("stream".equals(name) && value == JsonToken.VALUE_STRING) {
					stream = parser.getString();
				}
				else if ("data".equals(name) && value == JsonToken.START_OBJECT) {
					int start = (int) parser.currentTokenLocation().getCharOffset();
					parser.skipChildren();
					data = text.substring(start, (int) parser.currentLocation().getCharOffset());
				}
				else {
					parser.skipChildren();
				}
			}
		}
		catch (JacksonException ex) {
			return null;
		}
		return (stream != null && stream.endsWith(streamSuffix)) ? data : null;
	}

}
