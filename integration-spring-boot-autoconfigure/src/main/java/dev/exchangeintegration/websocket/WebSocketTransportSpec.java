package dev.exchangeintegration.websocket;

import java.net.URI;
import java.util.Objects;

/**
 * Immutable settings of a {@link WebSocketTransport}.
 *
 * @param uri the {@code ws://} or {@code wss://} endpoint
 * @param maxFrameSize the largest frame payload accepted, in bytes, after reassembling
 * fragmented messages
 */
public record WebSocketTransportSpec(URI uri, int maxFrameSize) {

	/**
	 * Default maximum frame payload: 4 MiB, well above Netty's 64 KiB, since exchange
	 * snapshots exceed it.
	 */
	public static final int DEFAULT_MAX_FRAME_SIZE = 4 * 1024 * 1024;

	/**
	 * Validate the settings.
	 * @param uri the endpoint
	 * @param maxFrameSize the largest frame payload accepted
	 */
	public WebSocketTransportSpec {
		Objects.requireNonNull(uri, "uri");
		String scheme = uri.getScheme();
		if (!"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme)) {
			throw new IllegalArgumentException("WebSocket URI must use ws:// or wss://, was " + uri);
		}
		if (maxFrameSize < 1) {
			throw new IllegalArgumentException("maxFrameSize must be positive, was " + maxFrameSize);
		}
	}

	/**
	 * Create settings with the default maximum frame size.
	 * @param uri the endpoint
	 * @return the settings
	 */
	public static WebSocketTransportSpec of(URI uri) {
		return new WebSocketTransportSpec(uri, DEFAULT_MAX_FRAME_SIZE);
	}

}
