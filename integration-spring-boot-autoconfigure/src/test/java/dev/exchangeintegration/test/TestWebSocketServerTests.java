package dev.exchangeintegration.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import javax.net.ssl.SSLHandshakeException;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.websocket.WebsocketInbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link TestWebSocketServer} through real Reactor Netty WebSocket clients.
 */
class TestWebSocketServerTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Test
	void recordsAttemptsSessionsAndTextsPerSession() {
		try (TestWebSocketServer server = new TestWebSocketServer(); Client first = new Client(server.url())) {
			first.sendText("a1", "a2");
			server.awaitReceived(0, 2);
			try (Client second = new Client(server.url())) {
				second.sendText("b1");
				server.awaitConnections(2);
				server.awaitReceived(1, 1);
			}
			assertThat(server.connectionCount()).isEqualTo(2);
			assertThat(server.received(0)).containsExactly("a1", "a2");
			assertThat(server.received(1)).containsExactly("b1");
			assertThat(server.received()).containsExactly("a1", "a2", "b1");
			assertThat(server.connectionAttemptNanos()).hasSize(2).isSorted();
		}
	}

	@Test
	void refusedUpgradesGet503ThenConnectionsAreAcceptedAgain() {
		try (TestWebSocketServer server = new TestWebSocketServer()) {
			server.refuseNext(2);
			for (int i = 0; i < 2; i++) {
				try (Client refused = new Client(server.url())) {
					Throwable error = refused.awaitError();
					assertThat(error).isInstanceOf(WebSocketClientHandshakeException.class);
					assertThat(((WebSocketClientHandshakeException) error).response().status().code()).isEqualTo(503);
				}
			}
			assertThat(server.connectionCount()).isZero();
			try (Client accepted = new Client(server.url())) {
				accepted.sendText("hello");
				server.awaitReceived(1);
			}
			assertThat(server.connectionCount()).isEqualTo(1);
			assertThat(server.connectionAttemptNanos()).hasSize(3).isSorted();
		}
	}

	@Test
	void pingsAreAnsweredAndCountedByDefault() {
		try (TestWebSocketServer server = new TestWebSocketServer(); Client client = new Client(server.url())) {
			server.replyTo("marker", "ack");
			client.send(new PingWebSocketFrame(Unpooled.copiedBuffer("p1", StandardCharsets.UTF_8)));
			client.sendText("marker");
			client.awaitFrames(2);
			assertThat(client.frames).containsExactly("pong:p1", "text:ack");
			assertThat(server.pingsReceived()).isEqualTo(1);
		}
	}

	@Test
	void pingsAreCountedButNotAnsweredWhenAnsweringIsOff() {
		try (TestWebSocketServer server = new TestWebSocketServer(); Client client = new Client(server.url())) {
			server.answerPings(false).replyTo("marker", "ack");
			client.send(new PingWebSocketFrame(Unpooled.copiedBuffer("p1", StandardCharsets.UTF_8)));
			client.sendText("marker");
			client.awaitFrames(1);
			// the server handles frames in order: a pong would have come before the ack
			assertThat(client.frames).containsExactly("text:ack");
			assertThat(server.pingsReceived()).isEqualTo(1);
			assertThat(server.received()).containsExactly("marker");
		}
	}

	@Test
	void repliesToMatchingTextsOnEveryConnection() {
		String subscribe = "{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@aggTrade\"],\"id\":7}";
		try (TestWebSocketServer server = new TestWebSocketServer()) {
			server.replyTo("{\"op\":\"ping\"}", "{\"op\":\"pong\"}");
			server.ackSubscriptions();
			server.autoReply("^echo:", (text) -> text.substring(5));
			for (int i = 0; i < 2; i++) {
				try (Client client = new Client(server.url())) {
					client.sendText(subscribe, "other", "echo:hi", "{\"op\":\"ping\"}");
					client.awaitFrames(3);
					assertThat(client.frames).containsExactly("text:{\"result\":null,\"id\":7}", "text:hi",
							"text:{\"op\":\"pong\"}");
				}
			}
			assertThat(server.received(1)).containsExactly(subscribe, "other", "echo:hi", "{\"op\":\"ping\"}");
		}
	}

	@Test
	void fragmentedTextIsReassembledByAnAggregatingClient() {
		String text = "héllo wörld €100 😀";
		try (TestWebSocketServer server = new TestWebSocketServer();
				Client aggregating = new Client(HttpClient.create(), server.url(), true)) {
			server.awaitConnections(1);
			server.sendFragmentedText(text, 2);
			aggregating.awaitFrames(1);
			assertThat(aggregating.frames).containsExactly("text:" + text);
		}
	}

	@Test
	void fragmentedTextIsOneTextFrameFollowedByContinuations() {
		try (TestWebSocketServer server = new TestWebSocketServer(); Client client = new Client(server.url())) {
			server.awaitConnections(1);
			server.sendFragmentedText("abcdefg", 3);
			server.sendFragmentedText("xy", 3);
			client.awaitFrames(5);
			assertThat(client.frames).containsExactly("text(partial):abc", "continuation:def", "continuation(final):g",
					"text(partial):xy", "continuation(final):");
		}
	}

	@Test
	void silentSessionStaysOpen() {
		try (TestWebSocketServer server = new TestWebSocketServer(); Client client = new Client(server.url())) {
			server.awaitConnections(1);
			await().during(Duration.ofSeconds(1))
				.atMost(Duration.ofSeconds(2))
				.until(() -> client.frames.isEmpty() && !client.terminated());
		}
	}

	@Test
	void abortClosesTheConnectionWithoutCloseFrame() {
		try (TestWebSocketServer server = new TestWebSocketServer(); Client client = new Client(server.url())) {
			server.awaitConnections(1);
			server.abort();
			await().atMost(TIMEOUT).until(client::terminated);
			// the client sees neither a close status nor an error: its inbound just
			// completes
			assertThat(client.frames).isEmpty();
			assertThat(client.error).isNull();
		}
	}

	@Test
	void secureServerIsTrustedOnlyWithItsCertificate() {
		try (TestWebSocketServer server = TestWebSocketServer.secure()) {
			assertThat(server.url()).startsWith("wss://127.0.0.1:").endsWith("/ws");
			HttpClient trusting = HttpClient.create()
				.secure((spec) -> spec.sslContext(TestWebSocketServer.trustingClientSslContext()));
			try (Client client = new Client(trusting, server.url(), false)) {
				client.sendText("over tls");
				server.awaitReceived(1);
				server.sendText("back");
				client.awaitFrames(1);
				assertThat(client.frames).containsExactly("text:back");
			}
			try (Client untrusting = new Client(HttpClient.create().secure(), server.url(), false)) {
				assertThat(untrusting.awaitError()).isInstanceOf(SSLHandshakeException.class);
			}
			assertThat(server.connectionCount()).isEqualTo(1);
		}
	}

	@Test
	void closeClosesConnectionsAndLeavesNoThreadsBehind() {
		Set<Thread> before = Thread.getAllStackTraces().keySet();
		Client client;
		try (TestWebSocketServer server = new TestWebSocketServer()) {
			client = new Client(server.url());
			server.awaitConnections(1);
		}
		await().atMost(TIMEOUT).until(client::terminated);
		assertThat(client.frames).isEmpty();
		client.close();
		await().pollInSameThread().atMost(TIMEOUT).untilAsserted(() -> {
			Set<String> added = Thread.getAllStackTraces()
				.keySet()
				.stream()
				.filter((thread) -> !before.contains(thread))
				.map(Thread::getName)
				.collect(Collectors.toSet());
			// only Reactor Netty's global event loops and Reactor's global schedulers
			// remain
			assertThat(added).allMatch((name) -> name.startsWith("reactor-http-") || name.startsWith("boundedElastic-")
					|| name.startsWith("parallel-"));
		});
	}

	/**
	 * A WebSocket client recording what it receives as text descriptions.
	 */
	private static final class Client implements AutoCloseable {

		final List<String> frames = new CopyOnWriteArrayList<>();

		private final Sinks.Many<WebSocketFrame> outbound = Sinks.many().unicast().onBackpressureBuffer();

		private volatile boolean terminated;

		private volatile Throwable error;

		private final reactor.core.Disposable connection;

		Client(String url) {
			this(HttpClient.create(), url, false);
		}

		Client(HttpClient http, String url, boolean aggregate) {
			this.connection = http.websocket().uri(url).handle((in, out) -> {
				out.sendObject(this.outbound.asFlux()).then().subscribe(null, (ex) -> {
				});
				in.receiveCloseStatus().subscribe((status) -> this.frames.add("close:" + status.code()));
				WebsocketInbound inbound = aggregate ? in.aggregateFrames() : in;
				return inbound.receiveFrames().doOnNext((frame) -> this.frames.add(describe(frame)));
			}).subscribe(null, (ex) -> {
				this.error = ex;
				this.terminated = true;
			}, () -> this.terminated = true);
		}

		private static String describe(WebSocketFrame frame) {
			String content = frame.content().toString(StandardCharsets.UTF_8);
			if (frame instanceof TextWebSocketFrame) {
				return (frame.isFinalFragment() ? "text:" : "text(partial):") + content;
			}
			if (frame instanceof ContinuationWebSocketFrame) {
				return (frame.isFinalFragment() ? "continuation(final):" : "continuation:") + content;
			}
			if (frame instanceof PongWebSocketFrame) {
				return "pong:" + content;
			}
			return frame.getClass().getSimpleName() + ":" + content;
		}

		void sendText(String... texts) {
			for (String text : texts) {
				send(new TextWebSocketFrame(text));
			}
		}

		void send(WebSocketFrame frame) {
			this.outbound.emitNext(frame, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
		}

		void awaitFrames(int count) {
			await().atMost(TIMEOUT).until(() -> this.frames.size() >= count);
		}

		Throwable awaitError() {
			await().atMost(TIMEOUT).until(() -> this.error != null);
			return this.error;
		}

		boolean terminated() {
			return this.terminated;
		}

		@Override
		public void close() {
			this.connection.dispose();
		}

	}

}
