package dev.exchangeintegration.sample.replay;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.concurrent.ImmediateEventExecutor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;
import reactor.netty.resources.LoopResources;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * A loopback WebSocket server that plays the part of Binance Futures market streams: it
 * answers a {@code SUBSCRIBE} request on {@code /ws} (or {@code /ws/**}) and then replays
 * captured frames with their recorded spacing divided by a speed factor, looping forever.
 * <p>
 * Every connection gets its own replay, started by its first {@code SUBSCRIBE}; the
 * subscribed streams themselves are not checked. Any other request is answered with an
 * error. On the same port it serves Binance's premium index
 * ({@code GET /fapi/v1/premiumIndex?symbol=...}) over HTTP, with the capture's last trade
 * price of the symbol as mark price. The server runs on its own daemon event loop and
 * starts in an early {@link #getPhase() phase}, so that clients starting later in the
 * same context find it listening.
 */
public class ReplayExchange implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ReplayExchange.class);

	private static final String HOST = "127.0.0.1";

	private static final Duration BIND_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

	/**
	 * Path of Binance's premium index endpoint, served over plain HTTP on the same port.
	 */
	public static final String PREMIUM_INDEX_PATH = "/fapi/v1/premiumIndex";

	private static final String INVALID_SYMBOL = "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}";

	private static final String INVALID_REQUEST = "{\"error\":{\"code\":2,\"msg\":\"Invalid request\"},\"id\":%s}";

	private static final JsonMapper json = JsonMapper.shared();

	private final List<CaptureFrame> frames;

	private final int port;

	private final double speed;

	private final Object lifecycleMonitor = new Object();

	private volatile @Nullable Running running;

	/**
	 * Create a new replay exchange.
	 * @param frames the frames to replay, in order, with offsets from the first one
	 * @param port the port to listen on, {@code 0} for an ephemeral port
	 * @param speed the replay speed factor: {@code 1} for real time, {@code 50} for 50
	 * times faster
	 */
	public ReplayExchange(List<CaptureFrame> frames, int port, double speed) {
		Assert.notEmpty(frames, "'frames' must not be empty");
		Assert.isTrue(port >= 0 && port <= 65535, "'port' must be between 0 and 65535");
		Assert.isTrue(speed > 0 && Double.isFinite(speed), "'speed' must be positive");
		this.frames = List.copyOf(frames);
		this.port = port;
		this.speed = speed;
	}

	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.running == null) {
				this.running = new Running(this.port);
				logger.info("Replay exchange listening on ws://" + HOST + ":" + port() + "/ws (" + this.frames.size()
						+ " aggTrade frames, speed "
						+ BigDecimal.valueOf(this.speed).stripTrailingZeros().toPlainString() + "x)");
			}
		}
	}

	@Override
	public void stop() {
		synchronized (this.lifecycleMonitor) {
			Running running = this.running;
			if (running != null) {
				this.running = null;
				running.stop();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running != null;
	}

	/**
	 * Return {@code Integer.MAX_VALUE - 4096}: start before, and stop after, the exchange
	 * clients of the same context.
	 * @return the lifecycle phase
	 */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 4096;
	}

	/**
	 * Return the port the server is listening on, the actual one when configured with
	 * {@code 0}.
	 * @return the bound port
	 * @throws IllegalStateException if the server is not running
	 */
	public int port() {
		Running running = this.running;
		Assert.state(running != null, "Replay exchange is not running");
		return running.server.port();
	}

	/**
	 * Return Binance's premium index of a symbol: its mark price is the price of the last
	 * captured aggTrade of that symbol; or {@code null} for a symbol the capture lacks.
	 */
	private @Nullable String premiumIndex(@Nullable String symbol) {
		if (symbol == null) {
			return null;
		}
		String markPrice = null;
		for (CaptureFrame frame : this.frames) {
			JsonNode trade = parse(frame.text());
			if (trade != null && symbol.equals(trade.path("s").stringValue(null))) {
				markPrice = trade.path("p").stringValue(markPrice);
			}
		}
		if (markPrice == null) {
			return null;
		}
		return "{\"symbol\":\"" + symbol + "\",\"markPrice\":\"" + markPrice + "\",\"indexPrice\":\"" + markPrice
				+ "\",\"lastFundingRate\":\"0.00010000\",\"time\":" + System.currentTimeMillis() + "}";
	}

	private Flux<String> reply(String request, AtomicBoolean streaming) {
		JsonNode message = parse(request);
		JsonNode id = (message != null) ? message.get("id") : null;
		String idText = (id != null && (id.isNumber() || id.isString())) ? id.toString() : "null";
		if (message == null || !"SUBSCRIBE".equals(message.path("method").stringValue(null))
				|| !message.path("params").isArray()) {
			return Flux.just(INVALID_REQUEST.formatted(idText));
		}
		Flux<String> acknowledgement = Flux.just("{\"result\":null,\"id\":" + idText + "}");
		return streaming.compareAndSet(false, true) ? acknowledgement.concatWith(replay()) : acknowledgement;
	}

	private static @Nullable JsonNode parse(String request) {
		try {
			JsonNode message = json.readTree(request);
			return (message != null && message.isObject()) ? message : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * Return the frames, each emitted when due relative to the start of its cycle so that
	 * timer latency does not accumulate, then again from the first one, forever.
	 */
	private Flux<String> replay() {
		return Flux.defer(() -> {
			long start = System.nanoTime();
			return Flux.fromIterable(this.frames)
				.concatMap((frame) -> Mono.defer(() -> Mono.delay(untilDue(start, frame)).thenReturn(frame.text())));
		}).repeat();
	}

	private Duration untilDue(long cycleStart, CaptureFrame frame) {
		long due = cycleStart + (long) (frame.offset().toNanos() / this.speed);
		return Duration.ofNanos(Math.max(0, due - System.nanoTime()));
	}

	/**
	 * A bound server with its own event loop.
	 */
	private final class Running {

		private final LoopResources loops = LoopResources.create("replay-exchange", 1, true);

		private final Sinks.Empty<Void> stopping = Sinks.empty();

		private final DisposableServer server;

		Running(int port) {
			try {
				this.server = HttpServer.create()
					.host(HOST)
					.port(port)
					.runOn(this.loops)
					.channelGroup(new DefaultChannelGroup(ImmediateEventExecutor.INSTANCE))
					.route((routes) -> routes.ws("/ws", this::serve)
						.ws("/ws/**", this::serve)
						.get(PREMIUM_INDEX_PATH, (request, response) -> {
							QueryStringDecoder query = new QueryStringDecoder(request.uri());
							List<String> symbols = query.parameters().getOrDefault("symbol", List.of());
							String body = premiumIndex(symbols.isEmpty() ? null : symbols.get(0));
							return response.status((body != null) ? 200 : 400)
								.header("Content-Type", "application/json")
								.header("X-MBX-USED-WEIGHT-1M", "1")
								.sendString(Mono.just((body != null) ? body : INVALID_SYMBOL));
						}))
					.bindNow(BIND_TIMEOUT);
			}
			catch (RuntimeException ex) {
				this.loops.dispose();
				throw ex;
			}
		}

		private Publisher<Void> serve(WebsocketInbound inbound, WebsocketOutbound outbound) {
			AtomicBoolean streaming = new AtomicBoolean();
			Flux<String> messages = inbound.aggregateFrames()
				.receive()
				.asString()
				.flatMap((request) -> reply(request, streaming))
				.takeUntilOther(goingAway(outbound));
			return outbound.sendString(messages);
		}

		/**
		 * Close the connection with status 1001 once the server stops. This must happen
		 * before the inbound is cancelled, or Reactor Netty sends a close frame without
		 * status, and on the connection's event loop, or a concurrent disconnect may
		 * release the close frame before its write runs.
		 */
		private Mono<Void> goingAway(WebsocketOutbound outbound) {
			AtomicReference<Executor> eventLoop = new AtomicReference<>();
			outbound.withConnection((connection) -> eventLoop.set(connection.channel().eventLoop()));
			return this.stopping.asMono()
				.publishOn(Schedulers.fromExecutor(eventLoop.get()))
				.then(Mono.defer(() -> outbound.sendClose(1001, "Replay exchange stopping")));
		}

		void stop() {
			this.stopping.tryEmitEmpty();
			try {
				this.server.disposeNow(STOP_TIMEOUT);
			}
			catch (IllegalStateException ex) {
				logger.warn("Replay exchange did not stop within " + STOP_TIMEOUT, ex);
			}
			finally {
				this.loops.disposeLater(Duration.ZERO, STOP_TIMEOUT).block(STOP_TIMEOUT.multipliedBy(2));
			}
		}

	}

}
