package dev.exchangeintegration.sample.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;

/**
 * A recorded WebSocket session: the frames a client received, in order, with the time
 * each one arrived.
 * <p>
 * The format is line based. The first line is {@code <stream URL> <-> <connect time>};
 * every other line is {@code <receive time>: <frame text>}, times being epoch seconds
 * with a fraction.
 */
public final class Capture {

	private static final String HEADER_SEPARATOR = " <-> ";

	private static final String FRAME_SEPARATOR = ": ";

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
	 * Read a capture from a UTF-8 stream, which is left open.
	 * @param in the stream to read
	 * @return the capture
	 * @throws IOException if the stream cannot be read or is not a capture
	 */
	public static Capture read(InputStream in) throws IOException {
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		String header = reader.readLine();
		if (header == null || !header.contains(HEADER_SEPARATOR)) {
			throw new IOException("Not a capture: the first line must be '<url> <-> <connect time>'");
		}
		List<CaptureFrame> frames = new ArrayList<>();
		BigDecimal first = null;
		int lineNumber = 1;
		for (String line = reader.readLine(); line != null; line = reader.readLine()) {
			lineNumber++;
			if (line.isEmpty()) {
				continue;
			}
			BigDecimal time = receiveTime(line, lineNumber);
			first = (first != null) ? first : time;
			String text = line.substring(line.indexOf(FRAME_SEPARATOR) + FRAME_SEPARATOR.length());
			frames.add(new CaptureFrame(toDuration(time.subtract(first)), text));
		}
		return new Capture(header.substring(0, header.indexOf(HEADER_SEPARATOR)), List.copyOf(frames));
	}

	private static BigDecimal receiveTime(String line, int lineNumber) throws IOException {
		int separator = line.indexOf(FRAME_SEPARATOR);
		try {
			return new BigDecimal(line.substring(0, Math.max(separator, 0)));
		}
		catch (NumberFormatException ex) {
			throw new IOException("Line " + lineNumber + " is not '<receive time>: <frame text>'", ex);
		}
	}

	private static Duration toDuration(BigDecimal seconds) {
		return Duration.ofNanos(seconds.movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValueExact());
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
