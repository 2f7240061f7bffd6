package dev.exchangeintegration.record;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the recording of an exchange's traffic,
 * {@code exchange-integration.exchanges.NAME.record.*}, shared under
 * {@code exchange-integration.defaults.record.*}. Bound by
 * {@link RecordingTransportDecorator}; annotated only so that the configuration processor
 * documents the keys.
 */
@ConfigurationProperties("exchange-integration.defaults.record")
public class RecordSettings {

	/**
	 * File or directory to record to. In a directory, or with rotation, each file is
	 * named after the exchange (or the file) and the time it was started.
	 */
	private @Nullable Path path;

	/**
	 * Whether to record. Defaults to true when a path is set.
	 */
	private @Nullable Boolean enabled;

	/**
	 * Size after which a new capture file is started. Never by default.
	 */
	private @Nullable DataSize rotateSize;

	/**
	 * Time after which a new capture file is started. Never by default.
	 */
	private @Nullable Duration rotateInterval;

	/**
	 * Whether to compress capture files with gzip.
	 */
	private boolean gzip;

	/**
	 * Frames held for the writer; when it falls this far behind, frames are left out of
	 * the recording, counted and reported.
	 */
	private int queueSize = 65536;

	public @Nullable Path getPath() {
		return this.path;
	}

	public void setPath(@Nullable Path path) {
		this.path = path;
	}

	public @Nullable Boolean getEnabled() {
		return this.enabled;
	}

	public void setEnabled(@Nullable Boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable DataSize getRotateSize() {
		return this.rotateSize;
	}

	public void setRotateSize(@Nullable DataSize rotateSize) {
		this.rotateSize = rotateSize;
	}

	public @Nullable Duration getRotateInterval() {
		return this.rotateInterval;
	}

	public void setRotateInterval(@Nullable Duration rotateInterval) {
		this.rotateInterval = rotateInterval;
	}

	public boolean isGzip() {
		return this.gzip;
	}

	public void setGzip(boolean gzip) {
		this.gzip = gzip;
	}

	public int getQueueSize() {
		return this.queueSize;
	}

	public void setQueueSize(int queueSize) {
		this.queueSize = queueSize;
	}

}
