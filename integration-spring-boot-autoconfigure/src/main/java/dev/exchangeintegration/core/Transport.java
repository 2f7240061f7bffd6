package dev.exchangeintegration.core;

import org.jspecify.annotations.Nullable;
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

		/**
		 * Called, on the thread of {@link #onFrame(Frame)}, after the frames of one read
		 * from the network have all been passed to {@link #onFrame(Frame)}: the stream
		 * then wakes the consumers that are waiting once per read rather than once per
		 * frame. A transport that reads in batches should call it; once it has, it must
		 * call it after every batch. Does nothing by default.
		 */
		default void onReadComplete() {
		}

		/**
		 * Called for an error of an open connection that does not end it, such as a
		 * message the protocol engine rejected or the exchange's reject of a request: it
		 * is reported, and the connection goes on. Does nothing by default.
		 * @param kind the kind of error
		 * @param error the error
		 * @param excerpt a bounded excerpt of the message concerned, if any
		 */
		default void onError(ErrorKind kind, Throwable error, @Nullable String excerpt) {
		}

		/**
		 * Return a checkpoint of the outputs of the frames passed to
		 * {@link #onFrame(Frame)} so far, on the thread of {@link #onFrame(Frame)}: it is
		 * reached once each of those outputs has been handed to every consumer that
		 * received it, or dropped by a consumer's overflow policy. A transport that
		 * acknowledges what it has read, as Kafka commits offsets, acknowledges those
		 * frames then. Costs nothing to transports that do not ask. Reached at once by
		 * default.
		 * @return the checkpoint
		 */
		default DeliveryCheckpoint checkpoint() {
			return DeliveryCheckpoint.REACHED;
		}

	}

	/**
	 * The sending side of an open connection. Thread-safe.
	 */
	interface Outbound {

		/**
		 * Queue a message for sending, as it is: the transport documents the types it
		 * accepts (for WebSocket, a {@code String} as a text frame and a {@code byte[]}
		 * as a binary frame).
		 * @param message the message
		 * @throws IllegalArgumentException if the transport cannot send that type
		 * @throws IllegalStateException if the connection has closed
		 */
		void send(Object message);

		/**
		 * Queue a protocol-level ping, such as a WebSocket Ping frame.
		 * @throws UnsupportedOperationException if the protocol has no pings
		 */
		default void ping() {
			throw new UnsupportedOperationException("This transport has no protocol-level ping");
		}

		/**
		 * Stop reading from the connection (for a socket, stop reading so that TCP flow
		 * control pushes back on the sender) until {@link #resumeReading()}. Frames
		 * already read may still be delivered. Must not block; may be called from any
		 * thread. Does nothing by default, for transports that cannot pause.
		 */
		default void pauseReading() {
		}

		/**
		 * Resume reading after {@link #pauseReading()}. May be called from any thread.
		 */
		default void resumeReading() {
		}

		/**
		 * Start a graceful close of the connection, with the transport's own normal
		 * closure (a WebSocket Close frame with code 1000, a FIX Logout...).
		 * @param reason why, for the exchange's logs; possibly empty
		 */
		void close(String reason);

	}

}
