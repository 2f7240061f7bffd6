package dev.exchangeintegration.websocket;

import java.time.Duration;

import dev.exchangeintegration.core.CloseStatus;
import dev.exchangeintegration.core.FrameType;
import dev.exchangeintegration.core.Transport;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * A {@link Transport} over a Reactor Netty WebSocket client.
 * <p>
 * Text and binary frames are passed to the handler; fragmented messages are reassembled
 * up to the maximum frame size. Pings are answered by Reactor Netty; pongs are reported
 * to {@link Handler#onPong()}. Outbound messages ({@code String} as text frames,
 * {@code byte[]} as binary frames), pings and close frames share one ordered queue.
 * Frames are read on the connection's event loop and released as soon as the handler
 * returns; the end of each read from the socket is passed to
 * {@link Handler#onReadComplete()}. A connection that ends without a Close frame reports
 * {@link WebSocketCloseStatuses#ABNORMAL}.
 * <p>
 * {@link Outbound#pauseReading()} turns the channel's auto-read off, so the socket is no
 * longer read and TCP flow control pushes back on the exchange; the frames of data
 * already read are still delivered. {@link Outbound#resumeReading()} turns it back on,
 * which starts a read at once.
 */
public final class WebSocketTransport implements Transport {

	private static final Logger logger = Loggers.getLogger(WebSocketTransport.class);

	private static final String READ_COMPLETE = "exchangeintegration.readComplete";

	private final HttpClient client;

	private final WebSocketTransportSpec spec;

	private final WebsocketClientSpec websocketSpec;

	/**
	 * Create a transport.
	 * @param client the HTTP client to connect with, carrying the event loop and SSL
	 * settings
	 * @param spec the transport settings
	 */
	public WebSocketTransport(HttpClient client, WebSocketTransportSpec spec) {
		this.client = client;
		this.spec = spec;
		this.websocketSpec = WebsocketClientSpec.builder().maxFramePayloadLength(spec.maxFrameSize()).build();
	}

	/**
	 * Return the settings of this transport.
	 * @return the settings
	 */
	public WebSocketTransportSpec spec() {
		return this.spec;
	}

	@Override
	public Mono<CloseStatus> connect(Handler handler) {
		return this.client.websocket(this.websocketSpec)
			.uri(this.spec.uri())
			.handle((in, out) -> session(in, out, handler))
			.next();
	}

	private Publisher<CloseStatus> session(WebsocketInbound in, WebsocketOutbound out, Handler handler) {
		Sinks.Many<WebSocketFrame> pending = Sinks.many().unicast().onBackpressureBuffer();
		Disposable sending = out.sendObject(pending.asFlux())
			.then()
			.subscribe(null, (ex) -> logger.debug("Sending to {} ended: {}", this.spec.uri(), ex.toString()));
		ByteBufFrame frame = new ByteBufFrame();
		Channel[] channel = new Channel[1];
		in.withConnection((connection) -> {
			channel[0] = connection.channel();
			// after the frame decoders: sees the end of each read once its frames are
			// through
			connection.addHandlerLast(READ_COMPLETE, new ReadCompleteHandler(handler));
		});
		handler.onOpen(new Outbound(pending, out, channel[0]));
		// receiveObject() rather than receiveFrames(): one operator less per frame, and
		// the frame kinds are told apart below anyway
		return in.aggregateFrames(this.spec.maxFrameSize())
			.receiveObject()
			.doOnNext((received) -> dispatch(received, frame, handler))
			.then(in.receiveCloseStatus().map((status) -> new CloseStatus(status.code(), status.reasonText())))
			.defaultIfEmpty(WebSocketCloseStatuses.ABNORMAL)
			.doFinally((signal) -> {
				frame.clear();
				pending.tryEmitComplete();
				sending.dispose();
			});
	}

	private static void dispatch(Object received, ByteBufFrame frame, Handler handler) {
		if (received instanceof TextWebSocketFrame text) {
			handler.onFrame(frame.wrap(FrameType.TEXT, text.content()));
		}
		else if (received instanceof BinaryWebSocketFrame binary) {
			handler.onFrame(frame.wrap(FrameType.BINARY, binary.content()));
		}
		else if (received instanceof PongWebSocketFrame) {
			handler.onPong();
		}
	}

	/**
	 * Passes the end of each read from the socket to the handler.
	 */
	private static final class ReadCompleteHandler extends ChannelInboundHandlerAdapter {

		private final Handler handler;

		ReadCompleteHandler(Handler handler) {
			this.handler = handler;
		}

		@Override
		public void channelReadComplete(ChannelHandlerContext context) {
			this.handler.onReadComplete();
			context.fireChannelReadComplete();
		}

	}

	private static final class Outbound implements Transport.Outbound {

		private final Sinks.Many<WebSocketFrame> pending;

		private final WebsocketOutbound out;

		private final Channel channel;

		Outbound(Sinks.Many<WebSocketFrame> pending, WebsocketOutbound out, Channel channel) {
			this.pending = pending;
			this.out = out;
			this.channel = channel;
		}

		@Override
		public void send(Object message) {
			if (message instanceof String text) {
				emit(new TextWebSocketFrame(text));
			}
			else if (message instanceof byte[] bytes) {
				emit(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(bytes)));
			}
			else {
				throw new IllegalArgumentException(
						"A WebSocket sends a String (text frame) or a byte[] (binary frame), not a "
								+ message.getClass().getName());
			}
		}

		@Override
		public void ping() {
			emit(new PingWebSocketFrame());
		}

		private void emit(WebSocketFrame frame) {
			Sinks.EmitResult result = this.pending.tryEmitNext(frame);
			if (result == Sinks.EmitResult.FAIL_NON_SERIALIZED) {
				this.pending.emitNext(frame, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
			}
			else if (result.isFailure()) {
				frame.release();
				throw new IllegalStateException("Connection closed; frame not sent (" + result + ")");
			}
		}

		@Override
		public void pauseReading() {
			// Reactor Netty reads with unbounded demand, so it leaves auto-read alone
			// from then on: the flag is ours to turn
			this.channel.config().setAutoRead(false);
		}

		@Override
		public void resumeReading() {
			// turning auto-read back on issues a read at once (from any thread: Netty
			// runs it on the event loop)
			this.channel.config().setAutoRead(true);
		}

		@Override
		public void close(String reason) {
			// the exchange's answering Close frame must be read for the close to complete
			resumeReading();
			this.out.sendClose(WebSocketCloseStatuses.NORMAL.code(), reason)
				.subscribe(null, (ex) -> logger.debug("Close frame not sent: {}", ex.toString()));
		}

	}

}
