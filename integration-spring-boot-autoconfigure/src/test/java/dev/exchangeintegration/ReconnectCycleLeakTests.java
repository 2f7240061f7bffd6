package dev.exchangeintegration;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.exchangeintegration.core.CloseStatus;
import dev.exchangeintegration.core.ConnectionState;
import dev.exchangeintegration.core.DefaultExchangeStream;
import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.core.ExchangeError;
import dev.exchangeintegration.core.ExchangeStreamObserver;
import dev.exchangeintegration.core.JsonProtocolParser;
import dev.exchangeintegration.core.ReconnectSpec;
import dev.exchangeintegration.websocket.WebSocketTransport;
import dev.exchangeintegration.websocket.WebSocketTransportSpec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.internal.PlatformDependent;
import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.Slf4JLoggerFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.reactivestreams.Publisher;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proves, through real sockets on 127.0.0.1, that 1,000 reconnect cycles of a
 * {@link DefaultExchangeStream} leak no thread, no heap, no direct memory and no
 * reference-counted buffer (Netty's leak detector runs at {@code PARANOID}).
 * <p>
 * A server inside this test answers each connection's subscription with one data frame
 * and then drops the connection, alternately without a Close frame (TCP close) and with a
 * Close frame (1001). It serves a bounded number of connections and parks the next one
 * open, so that every measurement is taken in the same quiescent state: one live
 * connection, nothing in flight.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ReconnectCycleLeakTests {

	private static final int WARM_UP_CYCLES = 50;

	private static final int CYCLES = 1000;

	private static final String SUBSCRIPTION = "{\"method\":\"SUBSCRIBE\",\"id\":1}";

	private static final int THREAD_TOLERANCE = 5;

	private static final long MIB = 1024 * 1024;

	private static final long HEAP_TOLERANCE = 16 * MIB;

	private static final long DIRECT_TOLERANCE = 8 * MIB;

	private static final Duration AWAIT_AT_MOST = Duration.ofSeconds(120);

	/**
	 * Loggers whose DEBUG output would swamp 1,000 cycles; raised to INFO for this test,
	 * which keeps {@code io.netty.util.ResourceLeakDetector} at ERROR and above.
	 */
	private static final List<String> QUIETED_LOGGERS = List.of("io.netty", "reactor.netty", "reactor.core",
			"dev.exchangeintegration");

	private static final ListAppender<ILoggingEvent> leakReports = new ListAppender<>();

	private static final Map<Logger, @Nullable Level> quietedLevels = new LinkedHashMap<>();

	private static ResourceLeakDetector.@Nullable Level previousLeakLevel;

	private static @Nullable Logger leakLogger;

	@BeforeAll
	static void detectLeaksParanoidly() {
		assertThat(LoggerFactory.getILoggerFactory()).as("SLF4J is bound to Logback").isInstanceOf(LoggerContext.class);
		assertThat(InternalLoggerFactory.getDefaultFactory()).as("Netty logs through SLF4J")
			.isInstanceOf(Slf4JLoggerFactory.class);
		previousLeakLevel = ResourceLeakDetector.getLevel();
		ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
		for (String name : QUIETED_LOGGERS) {
			Logger logger = (Logger) LoggerFactory.getLogger(name);
			if (!logger.getEffectiveLevel().isGreaterOrEqual(Level.INFO)) {
				quietedLevels.put(logger, logger.getLevel());
				logger.setLevel(Level.INFO);
			}
		}
		// Netty's ResourceLeakDetector logs "LEAK: ..." at ERROR through this logger
		Logger logger = (Logger) LoggerFactory.getLogger(ResourceLeakDetector.class);
		assertThat(logger.getName()).isEqualTo("io.netty.util.ResourceLeakDetector");
		assertThat(logger.isErrorEnabled()).as("leak reports are logged").isTrue();
		// leaks of earlier tests in this JVM are reported now, before the capture starts
		gc();
		allocateAndRelease();
		leakReports.setName("leak-reports");
		leakReports.start();
		logger.addAppender(leakReports);
		leakLogger = logger;
	}

	@AfterAll
	static void restoreLeakDetection() {
		if (leakLogger != null) {
			leakLogger.detachAppender(leakReports);
		}
		leakReports.stop();
		quietedLevels.forEach(Logger::setLevel);
		quietedLevels.clear();
		if (previousLeakLevel != null) {
			ResourceLeakDetector.setLevel(previousLeakLevel);
		}
	}

	@Test
	void thousandReconnectCyclesLeakNoThreadHeapDirectMemoryOrBuffer() {
		long startedAt = System.nanoTime();
		LoopResources loops = LoopResources.create("leak-test", 1, true);
		Scheduler delivery = Schedulers.newSingle("leak-test-delivery", true);
		Observer observer = new Observer();
		Outputs outputs = new Outputs();
		Snapshot before;
		Snapshot after;
		try (CycleServer server = new CycleServer()) {
			HttpClient client = HttpClient.create(ConnectionProvider.newConnection()).runOn(loops);
			DefaultExchangeStream<JsonNode, JsonNode> stream = DefaultExchangeStream
				.<JsonNode, JsonNode>builder("leak-test",
						new WebSocketTransport(client, WebSocketTransportSpec.of(server.uri())),
						JsonProtocolParser.forType(JsonMapper.shared(), JsonNode.class), (in, out) -> out.accept(in))
				.subscriptions(List.of(SUBSCRIPTION))
				.deliveryScheduler(delivery)
				.reconnect(new ReconnectSpec(true, Duration.ofMillis(1), Duration.ofMillis(5), 2, 0, Long.MAX_VALUE))
				.observer(observer)
				.build();
			Disposable consumer = stream.flux().subscribe(outputs::onNext, outputs::onError, outputs::onComplete);
			try {
				stream.start();
				server.serveUpTo(WARM_UP_CYCLES);
				awaitQuiescent(stream, server, outputs, observer, WARM_UP_CYCLES);
				before = Snapshot.take();

				server.serveUpTo(WARM_UP_CYCLES + CYCLES);
				awaitQuiescent(stream, server, outputs, observer, WARM_UP_CYCLES + CYCLES);
				after = Snapshot.take();

				int served = WARM_UP_CYCLES + CYCLES;
				System.out.printf("Reconnect cycles: server saw %d connections (%d served: %d closed abruptly, "
						+ "%d with Close 1001; 1 parked), %d subscriptions, %d unexpected frames; "
						+ "flux received %d outputs; client errors %s; close statuses %s; %d state changes %s%n",
						server.connections(), server.dataSent(), server.abrupt.get(), server.graceful.get(),
						server.subscriptions(), server.unexpected.get(), outputs.count(), observer.errorsByKind(),
						observer.closeStatuses(), observer.stateChanges.get(), observer.transitions());
				assertThat(server.connections()).as("connections: every served one and the parked one")
					.isEqualTo(served + 1);
				assertThat(server.subscriptions()).as("exactly one subscription per connection")
					.isEqualTo(server.connections());
				assertThat(server.unexpected.get()).as("frames other than the subscription").isZero();
				assertThat(server.failures).as("server-side failures").isEmpty();
				assertThat(server.dataSent()).as("data frames sent").isEqualTo(served);
				assertThat(outputs.count()).as("one output per data frame sent").isEqualTo(server.dataSent());
				assertThat(outputs.outOfOrder).as("outputs whose n was not the connection number in sequence")
					.isEmpty();
				assertThat(outputs.completed.get()).as("flux completed before stop").isFalse();
				assertThat(outputs.error.get()).as("flux error").isNull();
				assertThat(stream.state()).isEqualTo(ConnectionState.LIVE).isNotEqualTo(ConnectionState.STOPPED);
				assertThat(observer.errors()).as("one error reported per ended connection").isEqualTo(served);
				assertThat(observer.errorsByKind().keySet()).as("only closes and connection failures are reported")
					.isSubsetOf(ErrorKind.CLOSED, ErrorKind.CONNECTION);
				assertThat(observer.reachedStopped.get()).as("state reached STOPPED before stop").isZero();
			}
			finally {
				stream.stop(Duration.ofSeconds(5));
			}
			await().atMost(Duration.ofSeconds(10))
				.pollInSameThread()
				.pollInterval(Duration.ofMillis(10))
				.until(outputs.completed::get);
			assertThat(outputs.error.get()).as("flux error").isNull();
			assertThat(stream.state()).isEqualTo(ConnectionState.STOPPED);
			consumer.dispose();
		}
		finally {
			delivery.dispose();
			loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
		}

		report(before, after);
		List<String> leaks = collectLeakReports();
		Duration took = Duration.ofNanos(System.nanoTime() - startedAt);
		System.out.printf("Duration: %d ms for %d warm-up and %d measured reconnect cycles%n", took.toMillis(),
				WARM_UP_CYCLES, CYCLES);

		assertThat(after.threads())
			.as(() -> "live threads after %d cycles (%d after warm-up); new threads: %s".formatted(CYCLES,
					before.threads(), newThreads(before, after)))
			.isLessThanOrEqualTo(before.threads() + THREAD_TOLERANCE);
		assertThat(after.heapUsed()).as("heap used after GC").isLessThanOrEqualTo(before.heapUsed() + HEAP_TOLERANCE);
		assertDirectFlat("PooledByteBufAllocator.DEFAULT", before.pooledDirect(), after.pooledDirect());
		assertDirectFlat("ByteBufAllocator.DEFAULT", before.defaultAllocatorDirect(), after.defaultAllocatorDirect());
		assertDirectFlat("PlatformDependent", before.platformDirect(), after.platformDirect());
		assertDirectFlat("JVM direct buffer pool", before.jvmDirect(), after.jvmDirect());
		assertThat(leaks).as("Netty leak reports").isEmpty();
	}

	private static void awaitQuiescent(DefaultExchangeStream<?, ?> stream, CycleServer server, Outputs outputs,
			Observer observer, int served) {
		BooleanSupplier reached = () -> server.dataSent() >= served && outputs.count() >= served
				&& server.subscriptions() >= served + 1 && observer.errors() >= served
				&& stream.state() == ConnectionState.LIVE;
		Supplier<String> progress = () -> "waiting for %d served connections and 1 parked: server saw %d connections, "
			.formatted(served, server.connections())
				+ "%d subscriptions, sent %d data frames; flux got %d outputs; %d errors; state %s".formatted(
						server.subscriptions(), server.dataSent(), outputs.count(), observer.errors(), stream.state());
		await().atMost(AWAIT_AT_MOST)
			.pollInSameThread()
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(10))
			.untilAsserted(() -> assertThat(reached.getAsBoolean()).as(progress).isTrue());
	}

	private static void assertDirectFlat(String metric, long before, long after) {
		if (before >= 0 && after >= 0) {
			assertThat(after).as("direct memory used (%s)", metric).isLessThanOrEqualTo(before + DIRECT_TOLERANCE);
		}
	}

	private static void report(Snapshot before, Snapshot after) {
		System.out.printf("Live threads: %d after warm-up, %d after %d cycles; new threads: %s; gone: %s%n",
				before.threads(), after.threads(), CYCLES, newThreads(before, after), newThreads(after, before));
		System.out.printf("Heap used after GC: %s after warm-up, %s after %d cycles (%+d bytes)%n",
				mib(before.heapUsed()), mib(after.heapUsed()), CYCLES, after.heapUsed() - before.heapUsed());
		System.out.printf(
				"Direct memory after warm-up / after %d cycles: PooledByteBufAllocator.DEFAULT %s / %s, "
						+ "ByteBufAllocator.DEFAULT (%s) %s / %s, PlatformDependent %s / %s, JVM direct pool %s / %s%n",
				CYCLES, mib(before.pooledDirect()), mib(after.pooledDirect()),
				ByteBufAllocator.DEFAULT.getClass().getSimpleName(), mib(before.defaultAllocatorDirect()),
				mib(after.defaultAllocatorDirect()), mib(before.platformDirect()), mib(after.platformDirect()),
				mib(before.jvmDirect()), mib(after.jvmDirect()));
	}

	private static Set<String> newThreads(Snapshot from, Snapshot to) {
		Set<String> names = new TreeSet<>(to.threadNames());
		names.removeAll(from.threadNames());
		return names;
	}

	private static String mib(long bytes) {
		return (bytes < 0) ? "n/a" : "%.2f MiB (%d)".formatted(bytes / (double) MIB, bytes);
	}

	/**
	 * Collect the GC'd buffers that were never released, then have the leak detector
	 * report them: it reports on the next tracked allocation.
	 */
	private static List<String> collectLeakReports() {
		for (int i = 0; i < 3; i++) {
			gc();
			allocateAndRelease();
		}
		List<String> reports = new ArrayList<>();
		synchronized (leakReports) {
			for (ILoggingEvent event : leakReports.list) {
				if (event.getFormattedMessage().contains("LEAK")) {
					reports.add(event.getFormattedMessage());
				}
			}
		}
		reports.forEach((report) -> System.out.println("Netty leak report: " + report));
		return reports;
	}

	private static void allocateAndRelease() {
		List<ByteBuf> buffers = List.of(PooledByteBufAllocator.DEFAULT.directBuffer(256),
				PooledByteBufAllocator.DEFAULT.heapBuffer(256), ByteBufAllocator.DEFAULT.directBuffer(256),
				ByteBufAllocator.DEFAULT.heapBuffer(256), Unpooled.directBuffer(256));
		for (ByteBuf buffer : buffers) {
			buffer.writeLong(42);
			buffer.release();
		}
	}

	/**
	 * Run full collections, with pauses so that the reference handler enqueues what they
	 * found, and return the least heap used seen after one.
	 */
	private static long gc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long least = Long.MAX_VALUE;
		for (int i = 0; i < 4; i++) {
			memory.gc();
			pause();
			least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
		}
		return least;
	}

	private static void pause() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private record Snapshot(int threads, Set<String> threadNames, long heapUsed, long pooledDirect,
			long defaultAllocatorDirect, long platformDirect, long jvmDirect) {

		static Snapshot take() {
			long heapUsed = gc();
			Set<String> names = new TreeSet<>();
			Thread.getAllStackTraces().keySet().forEach((thread) -> names.add(thread.getName()));
			return new Snapshot(ManagementFactory.getThreadMXBean().getThreadCount(), names, heapUsed,
					PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory(),
					(ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider provider)
							? provider.metric().usedDirectMemory() : -1,
					PlatformDependent.usedDirectMemory(), jvmDirectMemory());
		}

		private static long jvmDirectMemory() {
			for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
				if ("direct".equals(pool.getName())) {
					return pool.getMemoryUsed();
				}
			}
			return -1;
		}

	}

	/**
	 * Counts what the stream reports.
	 */
	private static final class Observer implements ExchangeStreamObserver {

		private final Map<ErrorKind, AtomicInteger> errors = new ConcurrentHashMap<>();

		private final Map<String, AtomicInteger> closeStatuses = new ConcurrentHashMap<>();

		private final Map<String, AtomicInteger> transitions = new ConcurrentHashMap<>();

		final AtomicInteger stateChanges = new AtomicInteger();

		final AtomicInteger reachedStopped = new AtomicInteger();

		@Override
		public void onError(ExchangeError error) {
			CloseStatus status = error.closeStatus();
			if (status != null) {
				this.closeStatuses.computeIfAbsent(String.valueOf(status.code()), (key) -> new AtomicInteger())
					.incrementAndGet();
			}
			else {
				this.closeStatuses
					.computeIfAbsent(error.kind() + ":" + error.cause().getClass().getSimpleName(),
							(key) -> new AtomicInteger())
					.incrementAndGet();
			}
			this.errors.computeIfAbsent(error.kind(), (key) -> new AtomicInteger()).incrementAndGet();
		}

		@Override
		public void onStateChange(String exchange, ConnectionState previous, ConnectionState current,
				@Nullable Throwable cause) {
			this.transitions.computeIfAbsent(previous + "->" + current, (key) -> new AtomicInteger()).incrementAndGet();
			this.stateChanges.incrementAndGet();
			if (current == ConnectionState.STOPPED) {
				this.reachedStopped.incrementAndGet();
			}
		}

		int errors() {
			return this.errors.values().stream().mapToInt(AtomicInteger::get).sum();
		}

		Map<ErrorKind, Integer> errorsByKind() {
			Map<ErrorKind, Integer> counts = new EnumMap<>(ErrorKind.class);
			this.errors.forEach((kind, count) -> counts.put(kind, count.get()));
			return counts;
		}

		Map<String, Integer> closeStatuses() {
			Map<String, Integer> counts = new TreeMap<>();
			this.closeStatuses.forEach((status, count) -> counts.put(status, count.get()));
			return counts;
		}

		Map<String, Integer> transitions() {
			Map<String, Integer> counts = new TreeMap<>();
			this.transitions.forEach((transition, count) -> counts.put(transition, count.get()));
			return counts;
		}

	}

	/**
	 * Counts the outputs of the flux and checks that the n of each is the next connection
	 * number.
	 */
	private static final class Outputs {

		private final AtomicInteger count = new AtomicInteger();

		final List<String> outOfOrder = new CopyOnWriteArrayList<>();

		final AtomicBoolean completed = new AtomicBoolean();

		final AtomicReference<@Nullable Throwable> error = new AtomicReference<>();

		void onNext(JsonNode output) {
			int expected = this.count.incrementAndGet();
			int n = output.path("n").asInt(-1);
			if (n != expected && this.outOfOrder.size() < 10) {
				this.outOfOrder.add("output " + expected + " was " + output);
			}
		}

		void onError(Throwable ex) {
			this.error.set(ex);
		}

		void onComplete() {
			this.completed.set(true);
		}

		int count() {
			return this.count.get();
		}

	}

	/**
	 * A WebSocket server on 127.0.0.1, on event loops of its own. For each connection it
	 * waits for the first text frame (the subscription), sends {@code {"n":<connection
	 * number>}} and ends the connection: odd connections by closing the TCP connection
	 * without a Close frame, even ones with a Close frame (1001). It serves connections
	 * up to a limit, and holds the next ones open, subscribed, until the limit is raised.
	 */
	private static final class CycleServer implements AutoCloseable {

		private final LoopResources loops = LoopResources.create("leak-server", 1, 1, true);

		private final AtomicInteger connections = new AtomicInteger();

		private final AtomicInteger subscriptions = new AtomicInteger();

		private final AtomicInteger dataSent = new AtomicInteger();

		final AtomicInteger unexpected = new AtomicInteger();

		final AtomicInteger abrupt = new AtomicInteger();

		final AtomicInteger graceful = new AtomicInteger();

		final List<String> failures = new CopyOnWriteArrayList<>();

		private final Sinks.Many<Integer> limit = Sinks.many().replay().latest();

		private final DisposableServer server;

		CycleServer() {
			this.limit.tryEmitNext(0);
			this.server = HttpServer.create()
				.host("127.0.0.1")
				.port(0)
				.runOn(this.loops)
				.route((routes) -> routes.ws("/ws", this::handle))
				.bindNow();
		}

		URI uri() {
			return URI.create("ws://127.0.0.1:" + this.server.port() + "/ws");
		}

		void serveUpTo(int connections) {
			this.limit.emitNext(connections, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
		}

		int connections() {
			return this.connections.get();
		}

		int subscriptions() {
			return this.subscriptions.get();
		}

		int dataSent() {
			return this.dataSent.get();
		}

		private Publisher<Void> handle(WebsocketInbound in, WebsocketOutbound out) {
			int n = this.connections.incrementAndGet();
			Sinks.One<String> subscribed = Sinks.one();
			Disposable response = subscribed.asMono()
				.then(this.limit.asFlux().filter((limit) -> n <= limit).next())
				.then(Mono.defer(() -> out.sendString(Mono.just("{\"n\":" + n + "}")).then()))
				.doOnSuccess((done) -> this.dataSent.incrementAndGet())
				.then(Mono.defer(() -> end(n, out)))
				.subscribe(null, (ex) -> this.failures.add("connection " + n + ": " + ex));
			return in.receiveFrames().doOnNext((frame) -> {
				if (frame instanceof TextWebSocketFrame text && SUBSCRIPTION.equals(text.text())) {
					this.subscriptions.incrementAndGet();
					subscribed.tryEmitValue(SUBSCRIPTION);
				}
				else {
					this.unexpected.incrementAndGet();
				}
			}).then().doFinally((signal) -> response.dispose());
		}

		private Mono<Void> end(int n, WebsocketOutbound out) {
			if (n % 2 == 1) {
				return Mono.fromRunnable(() -> out.withConnection((connection) -> {
					this.abrupt.incrementAndGet();
					connection.channel().close();
				}));
			}
			this.graceful.incrementAndGet();
			return out.sendClose(1001, "going away");
		}

		@Override
		public void close() {
			this.server.disposeNow(Duration.ofSeconds(5));
			this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
		}

	}

}
