package dev.exchangeintegration.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.awaitility.Awaitility;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * A WebSocket server on 127.0.0.1 under a test's control: it records the upgrade requests
 * and the frames it receives, sends the frames the test asks for to the latest
 * connection, and can refuse upgrades, ignore pings, answer requests automatically and
 * serve TLS.
 */
public final class TestWebSocketServer implements AutoCloseable {

	/**
	 * Classpath location of the self-signed certificate of {@link #secure()} servers
	 * (PEM, SAN {@code IP:127.0.0.1} and {@code DNS:localhost}), usable as a trust
	 * anchor, for example {@code spring.ssl.bundle.pem.test-ca.truststore.certificate}.
	 */
	public static final String CERTIFICATE_LOCATION = "classpath:tls/server.crt";

	private static final String CERTIFICATE = "tls/server.crt";

	private static final String PRIVATE_KEY = "tls/server.key";

	private static final int MAX_FRAME = 64 * 1024 * 1024;

	private static final Duration AWAIT = Duration.ofSeconds(10);

	private static final Duration AWAIT_CONNECTIONS = Duration.ofSeconds(30);

	private static final WebsocketServerSpec SPEC = WebsocketServerSpec.builder()
		.maxFramePayloadLength(MAX_FRAME)
		.handlePing(true)
		.build();

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

	private final List<String> received = new CopyOnWriteArrayList<>();

	private final List<String> pongs = new CopyOnWriteArrayList<>();

	private final List<Session> sessions = new CopyOnWriteArrayList<>();

	private final List<Long> attempts = new CopyOnWriteArrayList<>();

	private final List<Rule> rules = new CopyOnWriteArrayList<>();

	private final AtomicInteger refusals = new AtomicInteger();

	private final AtomicInteger pings = new AtomicInteger();

	private volatile boolean answerPings = true;

	private volatile boolean closed;

	private final boolean secure;

	private final DisposableServer server;

	/**
	 * Start a plain {@code ws://} server.
	 */
	public TestWebSocketServer() {
		this(false);
	}

	/**
	 * Start a plain {@code ws://} server on the given port, for example to restart one.
	 * @param port the port
	 */
	public TestWebSocketServer(int port) {
		this(false, port);
	}

	private TestWebSocketServer(boolean secure) {
		this(secure, 0);
	}

	private TestWebSocketServer(boolean secure, int port) {
		this.secure = secure;
		HttpServer http = HttpServer.create()
			.host("127.0.0.1")
			.port(port)
			.route((routes) -> routes.get("/ws", this::upgrade));
		if (secure) {
			http = http.secure((spec) -> spec.sslContext(serverSslContext()));
		}
		this.server = http.bindNow();
	}

	/**
	 * Start a {@code wss://} server with the certificate at
	 * {@link #CERTIFICATE_LOCATION}.
	 * @return the started server
	 */
	public static TestWebSocketServer secure() {
		return new TestWebSocketServer(true);
	}

	/**
	 * Return a client {@link SslContext} that trusts the certificate of {@link #secure()}
	 * servers.
	 * @return the client SSL context
	 */
	public static SslContext trustingClientSslContext() {
		try (InputStream certificate = resource(CERTIFICATE)) {
			return SslContextBuilder.forClient().trustManager(certificate).build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static SslContext serverSslContext() {
		try (InputStream certificate = resource(CERTIFICATE); InputStream key = resource(PRIVATE_KEY)) {
			return SslContextBuilder.forServer(certificate, key).build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static InputStream resource(String name) {
		InputStream stream = TestWebSocketServer.class.getClassLoader().getResourceAsStream(name);
		return Objects.requireNonNull(stream, () -> "Missing test resource " + name);
	}

	private Publisher<Void> upgrade(HttpServerRequest request, HttpServerResponse response) {
		if (!request.requestHeaders().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
			return response.status(HttpResponseStatus.BAD_REQUEST).send();
		}
		this.attempts.add(System.nanoTime());
		if (this.refusals.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
			return response.status(HttpResponseStatus.SERVICE_UNAVAILABLE).keepAlive(false).send();
		}
		return response.sendWebsocket(this::handle, SPEC);
	}

	private Mono<Void> handle(WebsocketInbound in, WebsocketOutbound out) {
		Session session = new Session(out);
		this.sessions.add(session);
		if (this.closed) {
			session.abort();
		}
		in.receiveCloseStatus().subscribe(session.closeStatus::tryEmitValue);
		in.aggregateFrames(MAX_FRAME).receiveFrames().subscribe((frame) -> onFrame(session, frame), (ex) -> {
		}, session.inboundDone::tryEmitEmpty);
		return out.sendObject(session.outbound.asFlux()).then().onErrorResume((ex) -> Mono.empty());
	}

	private void onFrame(Session session, WebSocketFrame frame) {
		if (frame instanceof TextWebSocketFrame text) {
			onText(session, text.text());
		}
		else if (frame instanceof PingWebSocketFrame ping) {
			this.pings.incrementAndGet();
			if (this.answerPings) {
				session.send(new PongWebSocketFrame(Unpooled.copiedBuffer(ping.content())));
			}
		}
		else if (frame instanceof PongWebSocketFrame pong) {
			this.pongs.add(pong.content().toString(StandardCharsets.UTF_8));
		}
	}

	private void onText(Session session, String text) {
		this.received.add(text);
		session.received.add(text);
		for (Rule rule : this.rules) {
			if (rule.request.test(text)) {
				String reply = rule.reply.apply(text);
				if (reply != null) {
					session.send(new TextWebSocketFrame(reply));
				}
			}
		}
	}

	/**
	 * Return the URL of the endpoint, {@code ws://127.0.0.1:PORT/ws} or
	 * {@code wss://127.0.0.1:PORT/ws}.
	 * @return the URL
	 */
	public String url() {
		return (this.secure ? "wss" : "ws") + "://127.0.0.1:" + this.server.port() + "/ws";
	}

	/**
	 * Return the text frames received on every connection, in order.
	 * @return the live list of texts
	 */
	public List<String> received() {
		return this.received;
	}

	/**
	 * Return the text frames received on one connection.
	 * @param sessionIndex the index of the connection, 0 for the first
	 * @return the live list of texts
	 */
	public List<String> received(int sessionIndex) {
		return this.sessions.get(sessionIndex).received;
	}

	/**
	 * Return the payloads of the Pong frames received, as text.
	 */
	public List<String> pongs() {
		return this.pongs;
	}

	/**
	 * Return how many Ping frames were received on every connection, answered or not.
	 * @return the count of pings
	 */
	public int pingsReceived() {
		return this.pings.get();
	}

	/**
	 * Choose whether Ping frames are answered with a Pong of the same payload (the
	 * default) or silently ignored; applies at once to every connection.
	 * @param answer whether to answer pings
	 * @return this server
	 */
	public TestWebSocketServer answerPings(boolean answer) {
		this.answerPings = answer;
		return this;
	}

	public void sendPing(String payload) {
		send(new PingWebSocketFrame(Unpooled.copiedBuffer(payload, StandardCharsets.UTF_8)));
	}

	/**
	 * Return the number of accepted WebSocket connections so far.
	 * @return the count of sessions
	 */
	public int connectionCount() {
		return this.sessions.size();
	}

	/**
	 * Return the {@link System#nanoTime()} of every WebSocket upgrade request, refused
	 * ones included, in order.
	 * @return the live, read-only list of times
	 */
	public List<Long> connectionAttemptNanos() {
		return Collections.unmodifiableList(this.attempts);
	}

	/**
	 * Answer the next {@code count} upgrade requests with HTTP 503 and close their
	 * connection, then accept again.
	 * @param count the number of upgrades to refuse
	 */
	public void refuseNext(int count) {
		this.refusals.set(count);
	}

	/**
	 * Reply {@code reply} on the same connection to every text frame equal to
	 * {@code request}.
	 * @param request the text to answer
	 * @param reply the answer
	 */
	public void replyTo(String request, String reply) {
		autoReply(request::equals, (text) -> reply);
	}

	/**
	 * Reply on the same connection to every text frame in which {@code requestRegex} is
	 * found.
	 * @param requestRegex the regular expression searched in each text
	 * @param replyFn the answer to a text, or {@code null} for none
	 */
	public void autoReply(String requestRegex, Function<String, String> replyFn) {
		Pattern pattern = Pattern.compile(requestRegex);
		autoReply((text) -> pattern.matcher(text).find(), replyFn);
	}

	/**
	 * Reply on the same connection to every text frame that matches {@code request}.
	 * Every matching rule replies, in the order added.
	 * @param request which texts to answer
	 * @param replyFn the answer to a text, or {@code null} for none
	 */
	public void autoReply(Predicate<String> request, Function<String, String> replyFn) {
		this.rules.add(new Rule(request, replyFn));
	}

	/**
	 * Acknowledge every Binance {@code SUBSCRIBE} request with
	 * {@code {"result":null,"id":N}}, on every connection.
	 */
	public void ackSubscriptions() {
		autoReply("\"method\"\\s*:\\s*\"SUBSCRIBE\"", (text) -> {
			Matcher id = ID.matcher(text);
			return id.find() ? "{\"result\":null,\"id\":" + id.group(1) + "}" : null;
		});
	}

	/**
	 * Wait until a client has connected and sent {@code count} text frames.
	 */
	public void awaitReceived(int count) {
		Awaitility.await().pollDelay(Duration.ZERO).atMost(AWAIT).until(() -> this.received.size() >= count);
	}

	/**
	 * Wait until connection {@code sessionIndex} exists and has received {@code count}
	 * text frames.
	 * @param sessionIndex the index of the connection, 0 for the first
	 * @param count the number of texts
	 */
	public void awaitReceived(int sessionIndex, int count) {
		awaitConnections(sessionIndex + 1);
		Awaitility.await().pollDelay(Duration.ZERO).atMost(AWAIT).until(() -> received(sessionIndex).size() >= count);
	}

	/**
	 * Wait until {@code count} WebSocket connections have been accepted in total.
	 * @param count the number of sessions
	 */
	public void awaitConnections(int count) {
		Awaitility.await()
			.pollDelay(Duration.ZERO)
			.atMost(AWAIT_CONNECTIONS)
			.until(() -> this.sessions.size() >= count);
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

	/**
	 * Send {@code text} as a non-final Text frame followed by Continuation frames of at
	 * most {@code fragmentSize} UTF-8 bytes each (a code point may be split), the last
	 * one final.
	 * @param text the message
	 * @param fragmentSize the maximum payload of each frame
	 */
	public void sendFragmentedText(String text, int fragmentSize) {
		if (fragmentSize <= 0) {
			throw new IllegalArgumentException("fragmentSize must be positive");
		}
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		List<WebSocketFrame> frames = new ArrayList<>();
		frames.add(new TextWebSocketFrame(false, 0, Unpooled.wrappedBuffer(fragment(bytes, 0, fragmentSize))));
		int offset = fragmentSize;
		do {
			boolean last = offset + fragmentSize >= bytes.length;
			frames.add(new ContinuationWebSocketFrame(last, 0,
					Unpooled.wrappedBuffer(fragment(bytes, offset, fragmentSize))));
			offset += fragmentSize;
		}
		while (offset < bytes.length);
		latest().send(frames.toArray(WebSocketFrame[]::new));
	}

	private static byte[] fragment(byte[] bytes, int offset, int size) {
		int from = Math.min(offset, bytes.length);
		return Arrays.copyOfRange(bytes, from, Math.min(from + size, bytes.length));
	}

	public void close(int code, String reason) {
		send(new CloseWebSocketFrame(code, reason));
	}

	/**
	 * Close the TCP connection without a Close frame.
	 */
	public void abort() {
		latest().abort();
	}

	/**
	 * Return whether the latest connection takes more frames without queueing them: not
	 * once the client has stopped reading for long enough that the TCP buffers and the
	 * channel's own outbound buffer are full.
	 * @return whether the latest connection is writable
	 */
	public boolean isWritable() {
		return latest().isWritable();
	}

	/**
	 * Return the close status sent by the client on the latest connection, waiting for
	 * it.
	 */
	public WebSocketCloseStatus awaitClientClose() {
		return latest().closeStatus.asMono().block(AWAIT);
	}

	private void send(WebSocketFrame frame) {
		latest().send(frame);
	}

	private Session latest() {
		if (this.sessions.isEmpty()) {
			Awaitility.await().atMost(AWAIT).until(() -> !this.sessions.isEmpty());
		}
		return this.sessions.get(this.sessions.size() - 1);
	}

	public static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

	/**
	 * Stop listening and close the TCP connection of every session, without a Close frame
	 * (disposing a Reactor Netty server leaves its WebSocket connections open).
	 */
	@Override
	public void close() {
		this.closed = true;
		this.server.disposeNow(Duration.ofSeconds(5));
		this.sessions.forEach(Session::abort);
	}

	private record Rule(Predicate<String> request, Function<String, String> reply) {

	}

	private static final class Session {

		final WebsocketOutbound out;

		final Sinks.Many<WebSocketFrame> outbound = Sinks.many().unicast().onBackpressureBuffer();

		final Sinks.One<WebSocketCloseStatus> closeStatus = Sinks.one();

		final Sinks.Empty<Void> inboundDone = Sinks.empty();

		final List<String> received = new CopyOnWriteArrayList<>();

		Session(WebsocketOutbound out) {
			this.out = out;
		}

		void abort() {
			this.out.withConnection((connection) -> connection.channel().close());
		}

		boolean isWritable() {
			boolean[] writable = { true };
			this.out.withConnection((connection) -> writable[0] = connection.channel().isWritable());
			return writable[0];
		}

		/**
		 * Queue frames to send, together: frames of concurrent callers never interleave.
		 */
		synchronized void send(WebSocketFrame... frames) {
			for (WebSocketFrame frame : frames) {
				this.outbound.emitNext(frame, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
			}
		}

	}

}
