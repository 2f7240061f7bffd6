package dev.exchangeintegration.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Predicate;

import dev.exchangeintegration.core.FrameType;
import dev.exchangeintegration.replay.CaptureReader;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;
import reactor.netty.resources.LoopResources;

/**
 * A fake exchange for tests: a WebSocket server on 127.0.0.1, on a free port, that sends
 * what the test tells it to, answers requests as scripted, and records what clients send.
 * It accepts WebSocket connections on any path.
 * <p>
 * As a JUnit 5 extension it starts before the tests and stops after them:
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static FakeExchange exchange = FakeExchange.create();
 * </pre>
 *
 * Registered on an instance field, it starts before each test and stops after it. Outside
 * JUnit, {@link #start()} returns a running one, to {@link #close()} when done. In a
 * Spring Boot test, {@link AutoConfigureFakeExchange} starts one for the context and
 * points exchanges at it.
 * <p>
 * Thread-safe. Frames sent to a connection go out in the order they were given, scripted
 * replies included.
 */
public final class FakeExchange
		implements AutoCloseable, BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

	private static final String HOST = "127.0.0.1";

	private static final int MAX_FRAME = 64 * 1024 * 1024;

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

	private static final WebsocketServerSpec SPEC = WebsocketServerSpec.builder()
		.maxFramePayloadLength(MAX_FRAME)
		.handlePing(false)
		.build();

	private final List<String> received = new CopyOnWriteArrayList<>();

	private final List<Script> scripts = new CopyOnWriteArrayList<>();

	private final Set<Connection> open = new CopyOnWriteArraySet<>();

	private final Object monitor = new Object();

	private int connections;

	private @Nullable Running running;

	private boolean startedForEachTest;

	private FakeExchange() {
	}

	/**
	 * Create a fake exchange that is not started yet: register it as a JUnit 5 extension,
	 * which starts it.
	 * @return a new fake exchange
	 */
	public static FakeExchange create() {
		return new FakeExchange();
	}

	/**
	 * Start a fake exchange.
	 * @return a running fake exchange, to {@link #close()} when done
	 */
	public static FakeExchange start() {
		FakeExchange exchange = new FakeExchange();
		exchange.startIfStopped();
		return exchange;
	}

	/**
	 * Return the URL clients connect to, such as {@code ws://127.0.0.1:40123/}.
	 * @return the URL
	 * @throws IllegalStateException if the exchange is not running
	 */
	public String url() {
		return "ws://" + HOST + ":" + running().server.port() + "/";
	}

	/**
	 * Send a text frame to every open connection.
	 * @param text the frame's text
	 * @throws IllegalStateException if no client is connected (see
	 * {@link #awaitConnections(int, Duration)})
	 */
	public void send(String text) {
		for (Connection connection : openConnections()) {
			connection.send(new TextWebSocketFrame(text));
		}
	}

	/**
	 * Send a binary frame to every open connection.
	 * @param data the frame's payload
	 * @throws IllegalStateException if no client is connected
	 */
	public void sendBinary(byte[] data) {
		for (Connection connection : openConnections()) {
			connection.send(new BinaryWebSocketFrame(Unpooled.copiedBuffer(data)));
		}
	}

	/**
	 * Send the frames a capture holds as received from its exchange, in order and as fast
	 * as possible, to every open connection; the frames its client sent are left out.
	 * Reads this library's format and cryptofeed's, gzipped or not (see
	 * {@link CaptureReader}).
	 * @param capture the capture file
	 * @throws UncheckedIOException if the capture cannot be read
	 * @throws IllegalStateException if no client is connected
	 */
	public void replay(Path capture) {
		List<Connection> connections = openConnections();
		try (CaptureReader reader = CaptureReader.open(capture)) {
			while (reader.next()) {
				if (reader.sent()) {
					continue;
				}
				for (Connection connection : connections) {
					byte[] payload = reader.payload();
					connection.send(
							(reader.type() == FrameType.TEXT) ? new TextWebSocketFrame(Unpooled.wrappedBuffer(payload))
									: new BinaryWebSocketFrame(Unpooled.wrappedBuffer(payload)));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Answer every text frame a client sends that the matcher accepts with a reply, on
	 * the same connection, such as a subscription acknowledgement. Every script whose
	 * matcher accepts a frame replies, in the order they were added.
	 * @param matcher which frames to answer
	 * @param reply the text frame to answer with
	 */
	public void onMessage(Predicate<String> matcher, String reply) {
		this.scripts.add(new Script(matcher, reply));
	}

	/**
	 * Return the text frames clients have sent, in the order they arrived, over all
	 * connections since the exchange started or was {@link #reset()}.
	 * @return a copy of the frames
	 */
	public List<String> received() {
		return List.copyOf(this.received);
	}

	/**
	 * Return the number of connections accepted since the exchange started, open or not:
	 * after a client reconnects, one more.
	 * @return the number of connections
	 */
	public int connections() {
		synchronized (this.monitor) {
			return this.connections;
		}
	}

	/**
	 * Wait until at least {@code count} connections have been accepted since the exchange
	 * started.
	 * @param count the number of connections to wait for
	 * @param timeout how long to wait at most
	 * @throws AssertionError if fewer connections were accepted in time
	 */
	public void awaitConnections(int count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.monitor) {
			while (this.connections < count) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new AssertionError("Expected " + count + " connection(s) to the fake exchange within "
							+ timeout + ", but " + this.connections + " were accepted");
				}
				try {
					this.monitor.wait(Math.max(1, left / 1_000_000));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new AssertionError("Interrupted while waiting for connections", ex);
				}
			}
		}
	}

	/**
	 * Drop every open connection abruptly: the TCP connection is closed with no WebSocket
	 * Close frame, as when a network path fails or an exchange's gateway crashes. Clients
	 * see an abnormal closure (1006).
	 */
	public void dropConnections() {
		for (Connection connection : this.open) {
			connection.channel.close();
		}
	}

	/**
	 * Forget the frames received and the scripted replies; the connection count stays.
	 */
	public void reset() {
		this.received.clear();
		this.scripts.clear();
	}

	/**
	 * Stop the exchange: open connections are closed with 1001 (going away). Does nothing
	 * when it is not running.
	 */
	@Override
	public void close() {
		Running running;
		synchronized (this.monitor) {
			running = this.running;
			this.running = null;
		}
		if (running != null) {
			running.stop();
		}
	}

	/**
	 * Return whether the exchange is running.
	 * @return whether it is running
	 */
	public boolean isRunning() {
		synchronized (this.monitor) {
			return this.running != null;
		}
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		startIfStopped();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		close();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		synchronized (this.monitor) {
			if (this.running == null) {
				this.startedForEachTest = true;
			}
		}
		startIfStopped();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		boolean stop;
		synchronized (this.monitor) {
			stop = this.startedForEachTest;
			this.startedForEachTest = false;
		}
		if (stop) {
			close();
		}
	}

	void startIfStopped() {
		synchronized (this.monitor) {
			if (this.running == null) {
				this.running = new Running();
			}
		}
	}

	private Running running() {
		synchronized (this.monitor) {
			Running running = this.running;
			if (running == null) {
				throw new IllegalStateException("The fake exchange is not running: start it with FakeExchange.start()"
						+ ", or register it with @RegisterExtension");
			}
			return running;
		}
	}

	private List<Connection> openConnections() {
		List<Connection> connections = new ArrayList<>(this.open);
		if (connections.isEmpty()) {
			throw new IllegalStateException("No client is connected to the fake exchange (" + connections()
					+ " connection(s) so far): wait for one with awaitConnections(count, timeout)");
		}
		return connections;
	}

	private Mono<Void> serve(WebsocketInbound in, WebsocketOutbound out) {
		Channel[] channel = new Channel[1];
		in.withConnection((connection) -> channel[0] = connection.channel());
		Connection connection = new Connection(channel[0]);
		this.open.add(connection);
		channel[0].closeFuture().addListener((future) -> this.open.remove(connection));
		synchronized (this.monitor) {
			this.connections++;
			this.monitor.notifyAll();
		}
		// subscribed on its own: the frames must not go through an operator that
		// discards them, as Reactor Netty releases them once handled
		Sinks.Empty<Void> inboundDone = Sinks.empty();
		in.aggregateFrames(MAX_FRAME).receiveFrames().subscribe((frame) -> {
			if (frame instanceof TextWebSocketFrame text) {
				onText(connection, text.text());
			}
		}, (ex) -> inboundDone.tryEmitEmpty(), inboundDone::tryEmitEmpty);
		return out.sendObject(connection.outbound.asFlux().takeUntilOther(inboundDone.asMono()))
			.then()
			.onErrorResume((ex) -> Mono.empty());
	}

	private void onText(Connection connection, String text) {
		this.received.add(text);
		for (Script script : this.scripts) {
			if (script.matcher.test(text)) {
				connection.send(new TextWebSocketFrame(script.reply));
			}
		}
	}

	private record Script(Predicate<String> matcher, String reply) {
	}

	/**
	 * One client connection and the frames queued for it.
	 */
	private static final class Connection {

		private final Channel channel;

		private final Sinks.Many<WebSocketFrame> outbound = Sinks.many().unicast().onBackpressureBuffer();

		Connection(Channel channel) {
			this.channel = channel;
		}

		synchronized void send(WebSocketFrame frame) {
			if (this.outbound.tryEmitNext(frame).isFailure()) {
				frame.release();
			}
		}

	}

	/**
	 * A bound server with its own event loop thread.
	 */
	private final class Running {

		private final LoopResources loops = LoopResources.create("fake-exchange", 1, true);

		private final DisposableServer server;

		Running() {
			try {
				this.server = HttpServer.create()
					.host(HOST)
					.port(0)
					.runOn(this.loops)
					.handle((request, response) -> response.sendWebsocket(FakeExchange.this::serve, SPEC))
					.bindNow(Duration.ofSeconds(10));
			}
			catch (RuntimeException ex) {
				this.loops.dispose();
				throw ex;
			}
		}

		void stop() {
			for (Connection connection : FakeExchange.this.open) {
				connection.channel.writeAndFlush(
						new io.netty.handler.codec.http.websocketx.CloseWebSocketFrame(1001, "Fake exchange stopping"));
			}
			try {
				this.server.disposeNow(STOP_TIMEOUT);
			}
			catch (IllegalStateException ex) {
				// connections that outlive the timeout are closed with the event loop
			}
			finally {
				this.loops.disposeLater(Duration.ZERO, STOP_TIMEOUT).block(STOP_TIMEOUT.multipliedBy(2));
			}
		}

	}

}
