package dev.exchangeintegration.replay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a capture is read from, opened afresh for each pass of a replay.
 */
interface CaptureSource {

	/**
	 * Open the capture.
	 * @return a stream over it
	 * @throws IOException if it cannot be read
	 */
	InputStream open() throws IOException;

	/**
	 * Return the capture's name, for messages.
	 * @return the name
	 */
	String name();

	static CaptureSource of(Path path) {
		return new CaptureSource() {

			@Override
			public InputStream open() throws IOException {
				return Files.newInputStream(path);
			}

			@Override
			public String name() {
				return path.toString();
			}

		};
	}

	static CaptureSource classpath(String resource, ClassLoader classLoader) {
		return new CaptureSource() {

			@Override
			public InputStream open() throws IOException {
				InputStream in = classLoader.getResourceAsStream(resource);
				if (in == null) {
					throw new IOException("Class path resource " + resource + " does not exist");
				}
				return in;
			}

			@Override
			public String name() {
				return "classpath:" + resource;
			}

		};
	}

}
