package dev.exchangeintegration.websocket;

import dev.exchangeintegration.core.CloseStatus;
import dev.exchangeintegration.core.FrameType;
import dev.exchangeintegration.core.Transport;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
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
 * up to the maximum frame size. Pings are answered by Reactor Netty and pongs are not
 * passed on. Frames are read on the connection's event loop and released as soon as the
 * handler returns.
 */
public final class WebSocketTransport implements Transport {

	private static final Logger logger = Loggers.getLogger(WebSocketTransport.class);

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
		Sinks.Many<String> pending = Sinks.many().unicast().onBackpressureBuffer();
		Disposable sending = out.sendString(pending.asFlux())
			.then()
			.subscribe(null, (ex) -> logger.debug("Sending to {} ended: {}", this.spec.uri(), ex.toString()));
		handler.onOpen(new Outbound(pending, out));
		ByteBufFrame frame = new ByteBufFrame();
		return in.aggregateFrames(this.spec.maxFrameSize())
			.receiveFrames()
			.doOnNext((received) -> dispatch(received, frame, handler))
			.then(in.receiveCloseStatus().map((status) -> new CloseStatus(status.code(), status.reasonText())))
			.defaultIfEmpty(CloseStatus.ABNORMAL)
			.doFinally((signal) -> {
				frame.clear();
				pending.tryEmitComplete();
				sending.dispose();
			});
	}

	private void dispatch(WebSocketFrame received, ByteBufFrame frame, Handler handler) {
		if (received instanceof TextWebSocketFrame) {
			handler.onFrame(frame.wrap(FrameType.TEXT, received.content()));
		}
		else if (received instanceof BinaryWebSocketFrame) {
			handler.onFrame(frame.wrap(FrameType.BINARY, received.content()));
		}
	}

	private static final class Outbound implements Transport.Outbound {

		private final Sinks.Many<String> pending;

		private final WebsocketOutbound out;

		Outbound(Sinks.Many<String> pending, WebsocketOutbound out) {
			this.pending = pending;
			this.out = out;
		}

		@Override
		public void send(String text) {
			this.pending.emitNext(text, Sinks.EmitFailureHandler.busyLooping(java.time.Duration.ofSeconds(1)));
		}

		@Override
		public void close(CloseStatus status) {
			this.out.sendClose(status.code(), status.reason())
				.subscribe(null, (ex) -> logger.debug("Close frame not sent: {}", ex.toString()));
		}

	}

}
