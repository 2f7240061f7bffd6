package dev.exchangeintegration.websocket;

import java.net.URI;
import java.util.Objects;

/**
 * Immutable settings of a {@link WebSocketTransport}.
 *
 * @param uri the {@code ws://} or {@code wss://} endpoint
 * @param maxFrameSize the largest frame payload accepted, in bytes, after reassembling
 * fragmented messages; positive
 */
public record WebSocketTransportSpec(URI uri, int maxFrameSize) {

	/**
	 * Default maximum frame payload: 4 MiB, well above Netty's 64 KiB, since exchange
	 * snapshots exceed it.
	 */
	public static final int DEFAULT_MAX_FRAME_SIZE = 4 * 1024 * 1024;

	/**
	 * Create the settings. Their values are not checked here:
	 * {@link WebSocketExchangeTransportFactory} checks the configuration they come from.
	 * @param uri the endpoint
	 * @param maxFrameSize the largest frame payload accepted
	 */
	public WebSocketTransportSpec {
		Objects.requireNonNull(uri, "uri");
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
