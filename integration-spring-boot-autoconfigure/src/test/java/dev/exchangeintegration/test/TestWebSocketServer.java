package dev.exchangeintegration.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.awaitility.Awaitility;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * A WebSocket server on 127.0.0.1 under a test's control: it records the text frames it
 * receives and sends the frames the test asks for, to the latest connection.
 */
public final class TestWebSocketServer implements AutoCloseable {

	private final List<String> received = new CopyOnWriteArrayList<>();

	private final List<String> pongs = new CopyOnWriteArrayList<>();

	private final List<Session> sessions = new CopyOnWriteArrayList<>();

	private final DisposableServer server;

	public TestWebSocketServer() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.ws("/ws", this::handle,
					WebsocketServerSpec.builder().maxFramePayloadLength(64 * 1024 * 1024).build()))
			.bindNow();
	}

	private Mono<Void> handle(WebsocketInbound in, WebsocketOutbound out) {
		Session session = new Session(out);
		this.sessions.add(session);
		in.receiveCloseStatus().subscribe(session.closeStatus::tryEmitValue);
		in.aggregateFrames().receiveFrames().subscribe((frame) -> {
			if (frame instanceof TextWebSocketFrame text) {
				this.received.add(text.text());
			}
			else if (frame instanceof PongWebSocketFrame pong) {
				this.pongs.add(pong.content().toString(StandardCharsets.UTF_8));
			}
		}, (ex) -> {
		}, session.inboundDone::tryEmitEmpty);
		return out.sendObject(session.outbound.asFlux()).then().onErrorResume((ex) -> Mono.empty());
	}

	public String url() {
		return "ws://127.0.0.1:" + this.server.port() + "/ws";
	}

	public List<String> received() {
		return this.received;
	}

	/**
	 * Return the payloads of the Pong frames received, as text.
	 */
	public List<String> pongs() {
		return this.pongs;
	}

	public void sendPing(String payload) {
		send(new PingWebSocketFrame(Unpooled.copiedBuffer(payload, StandardCharsets.UTF_8)));
	}

	public int connectionCount() {
		return this.sessions.size();
	}

	/**
	 * Wait until a client has connected and sent {@code count} text frames.
	 */
	public void awaitReceived(int count) {
		Awaitility.await()
			.pollDelay(Duration.ZERO)
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.received.size() >= count);
	}

	public void sendText(String... texts) {
		for (String text : texts) {
			send(new TextWebSocketFrame(text));
		}
	}

	public void sendBinary(byte[] bytes) {
		send(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(bytes)));
	}

	public void sendRawText(byte[] bytes) {
		send(new TextWebSocketFrame(Unpooled.wrappedBuffer(bytes)));
	}

	public void close(int code, String reason) {
		send(new CloseWebSocketFrame(code, reason));
	}

	/**
	 * Close the TCP connection without a Close frame.
	 */
	public void abort() {
		latest().out.withConnection((connection) -> connection.channel().close());
	}

	/**
	 * Return the close status sent by the client on the latest connection, waiting for
	 * it.
	 */
	public io.netty.handler.codec.http.websocketx.WebSocketCloseStatus awaitClientClose() {
		return latest().closeStatus.asMono().block(Duration.ofSeconds(10));
	}

	private void send(WebSocketFrame frame) {
		latest().outbound.emitNext(frame, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
	}

	private Session latest() {
		if (this.sessions.isEmpty()) {
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !this.sessions.isEmpty());
		}
		return this.sessions.get(this.sessions.size() - 1);
	}

	public static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		this.server.disposeNow(Duration.ofSeconds(5));
	}

	private static final class Session {

		final WebsocketOutbound out;

		final Sinks.Many<WebSocketFrame> outbound = Sinks.many().unicast().onBackpressureBuffer();

		final Sinks.One<io.netty.handler.codec.http.websocketx.WebSocketCloseStatus> closeStatus = Sinks.one();

		final Sinks.Empty<Void> inboundDone = Sinks.empty();

		Session(WebsocketOutbound out) {
			this.out = out;
		}

	}

}
