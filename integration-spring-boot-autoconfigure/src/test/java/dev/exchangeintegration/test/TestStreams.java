package dev.exchangeintegration.test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import dev.exchangeintegration.core.DefaultExchangeStream;
import dev.exchangeintegration.core.ExchangeError;
import dev.exchangeintegration.core.ExchangeStreamObserver;
import dev.exchangeintegration.core.ReconnectSpec;
import dev.exchangeintegration.core.Transformer;
import dev.exchangeintegration.websocket.WebSocketTransport;
import dev.exchangeintegration.websocket.WebSocketTransportSpec;
import org.awaitility.Awaitility;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Streams of numbered frames over a real WebSocket to a {@link TestWebSocketServer},
 * built with the core API alone, on event loops named {@code exchange-ws} as the
 * starter's are. Frame {@code n} reads {@code "n"} or {@code "n:padding"}; the output is
 * {@code n}. Counts the frames the transformer has seen and records every error.
 */
public final class TestStreams implements AutoCloseable, ExchangeStreamObserver {

	private static final Duration AWAIT = Duration.ofSeconds(30);

	private final LoopResources loops = LoopResources.create("exchange-ws", 1, true);

	private final Scheduler timer = Schedulers.newSingle("exchange-timer", true);

	private final Scheduler delivery = Schedulers.newBoundedElastic(4, 1000, "exchange-delivery", 60, true);

	private final List<DefaultExchangeStream<String, Long>> streams = new CopyOnWriteArrayList<>();

	private final AtomicLong framesRead = new AtomicLong();

	private final AtomicInteger threads = new AtomicInteger();

	private final List<ExchangeError> errors = new CopyOnWriteArrayList<>();

	private final Transformer<String, Long> numbers = (text, out) -> {
		this.framesRead.incrementAndGet();
		int end = text.indexOf(':');
		out.accept(Long.parseLong((end < 0) ? text : text.substring(0, end)));
	};

	/**
	 * Return a started stream of the server's frames, sending {@code subscribe} on each
	 * connection and reconnecting after 50 ms.
	 * @param server the server
	 * @param customizer customizes the stream's builder
	 * @return the started stream
	 */
	public DefaultExchangeStream<String, Long> start(TestWebSocketServer server,
			UnaryOperator<DefaultExchangeStream.Builder<String, Long>> customizer) {
		DefaultExchangeStream<String, Long> stream = create(server, customizer);
		stream.start();
		server.awaitReceived(1);
		return stream;
	}

	/**
	 * Return a stream of the server's frames, not started.
	 * @param server the server
	 * @param customizer customizes the stream's builder
	 * @return the stream
	 */
	public DefaultExchangeStream<String, Long> create(TestWebSocketServer server,
			UnaryOperator<DefaultExchangeStream.Builder<String, Long>> customizer) {
		HttpClient client = HttpClient.create(ConnectionProvider.newConnection()).runOn(this.loops);
		WebSocketTransport transport = new WebSocketTransport(client,
				WebSocketTransportSpec.of(java.net.URI.create(server.url())));
		DefaultExchangeStream.Builder<String, Long> builder = DefaultExchangeStream
			.builder("feed", transport, (frame) -> frame.toText(), this.numbers)
			.subscriptions(List.of("subscribe"))
			.observer(this)
			.deliveryScheduler(this.delivery)
			.timer(this.timer)
			.reconnect(new ReconnectSpec(true, Duration.ofMillis(50), Duration.ofMillis(200), 2, 0, Long.MAX_VALUE));
		DefaultExchangeStream<String, Long> stream = customizer.apply(builder).build();
		this.streams.add(stream);
		return stream;
	}

	/**
	 * Return an executor that starts a daemon thread per task, named
	 * {@code exchange-consumer-N}.
	 * @return the executor
	 */
	public Executor threadPerTask() {
		return (task) -> {
			Thread thread = new Thread(task, "exchange-consumer-" + this.threads.incrementAndGet());
			thread.setDaemon(true);
			thread.start();
		};
	}

	/**
	 * Return the number of frames the transformer has been called for so far.
	 * @return the count of frames read
	 */
	public long framesRead() {
		return this.framesRead.get();
	}

	public List<ExchangeError> errors() {
		return this.errors;
	}

	/**
	 * Wait for the {@code index}th error (from 0) that matches.
	 * @param predicate which errors count
	 * @param index the index among those
	 * @return the error
	 */
	public ExchangeError awaitError(Predicate<ExchangeError> predicate, int index) {
		return Awaitility.await()
			.atMost(AWAIT)
			.until(() -> this.errors.stream().filter(predicate).skip(index).findFirst().orElse(null),
					(error) -> error != null);
	}

	@Override
	public void onError(ExchangeError error) {
		this.errors.add(error);
	}

	/**
	 * Return {@code "n:"} followed by {@code padding} bytes, so that the exchange's TCP
	 * buffers fill up in a few thousand frames.
	 * @param n the frame's number
	 * @param padding the number of padding bytes
	 * @return the frame's text
	 */
	public static String padded(long n, int padding) {
		return n + ":" + "x".repeat(padding);
	}

	@Override
	public void close() {
		this.streams.forEach((stream) -> stream.stop(Duration.ofSeconds(2)));
		this.delivery.dispose();
		this.timer.dispose();
		this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
	}

}
