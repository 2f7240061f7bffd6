package dev.exchangeintegration.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the payloads of a cryptofeed capture with plain string operations, independently
 * of the library's capture reader, to check it against.
 */
public final class CaptureLines {

	private CaptureLines() {
	}

	/**
	 * Return the payload of every frame line of a cryptofeed capture: what follows the
	 * first ": " of each line after the header.
	 * @param capture the capture file
	 * @return the payloads, in order
	 * @throws IOException if the file cannot be read
	 */
	public static List<String> payloads(Path capture) throws IOException {
		List<String> lines = Files.readAllLines(capture, StandardCharsets.UTF_8);
		return lines.subList(1, lines.size())
			.stream()
			.filter((line) -> !line.isEmpty())
			.map((line) -> line.substring(line.indexOf(": ") + 2))
			.toList();
	}

}
