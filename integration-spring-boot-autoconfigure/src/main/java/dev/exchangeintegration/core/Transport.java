package dev.exchangeintegration.core;

import reactor.core.publisher.Mono;

/**
 * The inner stream and sink of an exchange integration: a WebSocket, an HTTP poller, a
 * FIX session. A transport opens one connection per {@link #connect(Handler) connect};
 * reconnection policies live above it.
 */
public interface Transport {

	/**
	 * Open a connection lazily, on subscription. Once open,
	 * {@link Handler#onOpen(Outbound)} is called, then {@link Handler#onFrame(Frame)} for
	 * each inbound frame, in order, on one thread at a time.
	 * @param handler receives the connection's frames
	 * @return a mono that completes with the close status once the connection has ended,
	 * or errors when it cannot be opened or fails
	 */
	Mono<CloseStatus> connect(Handler handler);

	/**
	 * Receives the events of one connection.
	 */
	interface Handler {

		/**
		 * Called once the connection is open, before any frame is received.
		 * @param outbound the sending side of the connection
		 */
		void onOpen(Outbound outbound);

		/**
		 * Called for each inbound data frame. The frame is only valid during the call.
		 * @param frame the frame
		 */
		void onFrame(Frame frame);

		/**
		 * Called for each protocol-level pong, such as a WebSocket Pong frame. Does
		 * nothing by default.
		 */
		default void onPong() {
		}

	}

	/**
	 * The sending side of an open connection. Thread-safe.
	 */
	interface Outbound {

		/**
		 * Queue a text frame for sending.
		 * @param text the frame text
		 */
		void send(String text);

		/**
		 * Queue a protocol-level ping, such as a WebSocket Ping frame.
		 * @throws UnsupportedOperationException if the protocol has no pings
		 */
		default void ping() {
			throw new UnsupportedOperationException("This transport has no protocol-level ping");
		}

		/**
		 * Start a graceful close of the connection.
		 * @param status the status to close with
		 */
		void close(CloseStatus status);

	}

}
