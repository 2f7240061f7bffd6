package dev.exchangeintegration.record;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

/**
 * Names the capture files of one exchange. In a directory, each file is
 * {@code EXCHANGE-START.capture} ({@code .capture.gz} with gzip), {@code START} being the
 * UTC time it was started, such as {@code 20260722T101530.123456Z}, so that the files
 * sort by name in the order they were written. A file path is used as it is, appended to
 * if it exists, unless files rotate: then each file is the path with {@code -START}
 * before its extension.
 *
 * @param exchange the exchange name
 * @param path the configured path
 * @param directory whether the path is a directory
 * @param rotates whether files rotate
 * @param gzip whether files are gzipped
 */
record CaptureFiles(String exchange, Path path, boolean directory, boolean rotates, boolean gzip) {

	private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	/**
	 * Return the file to start at an instant: a new one, never an existing one, unless a
	 * single file is appended to.
	 */
	Path next(Instant start) {
		if (!this.directory && !this.rotates) {
			return this.path;
		}
		String stamp = START.format(start);
		Path candidate = candidate(stamp, null);
		for (int i = 1; Files.exists(candidate); i++) {
			candidate = candidate(stamp, i);
		}
		return candidate;
	}

	private Path candidate(String stamp, @Nullable Integer counter) {
		// sorts after the name without a counter, so that names sort in recording order
		String suffix = (counter != null) ? "_%03d".formatted(counter) : "";
		if (this.directory) {
			return this.path.resolve(this.exchange + "-" + stamp + suffix + ".capture" + (this.gzip ? ".gz" : ""));
		}
		Path fileName = this.path.getFileName();
		String name = (fileName != null) ? fileName.toString() : this.exchange;
		int dot = name.indexOf('.', 1);
		String stem = (dot < 0) ? name : name.substring(0, dot);
		String extension = (dot < 0) ? "" : name.substring(dot);
		return this.path.resolveSibling(stem + "-" + stamp + suffix + extension);
	}

}
