package dev.exchangeintegration.sample.replay;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ReplayExchange}, through WebSocket connections on 127.0.0.1.
 */
class ReplayExchangeTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String SUBSCRIBE = "{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@aggTrade\"],\"id\":1}";

	private static final List<String> aggTrades = loadAggTrades();

	private ReplayExchange exchange;

	@AfterEach
	void stop() {
		if (this.exchange != null) {
			this.exchange.stop();
		}
	}

	@Test
	void acknowledgesSubscribeThenStreamsAggTradesInOrderAndLoops() {
		start(1000);
		List<String> received = receive("/ws", SUBSCRIBE, 1 + aggTrades.size() + 3);
		List<String> expected = new ArrayList<>();
		expected.add("{\"result\":null,\"id\":1}");
		expected.addAll(aggTrades);
		expected.addAll(aggTrades.subList(0, 3));
		assertThat(received).containsExactlyElementsOf(expected);
	}

	@Test
	void servesStreamPaths() {
		start(1000);
		List<String> received = receive("/ws/btcusdt@aggTrade", SUBSCRIBE, 3);
		assertThat(received).containsExactly("{\"result\":null,\"id\":1}", aggTrades.get(0), aggTrades.get(1));
	}

	@Test
	void echoesTheRequestId() {
		start(1000);
		String subscribe = "{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@aggTrade\"],\"id\":\"a-7\"}";
		assertThat(receive("/ws", subscribe, 1)).containsExactly("{\"result\":null,\"id\":\"a-7\"}");
	}

	@Test
	void answersUnknownRequestsWithAnError() {
		start(1000);
		assertThat(receive("/ws", "hello", 1))
			.containsExactly("{\"error\":{\"code\":2,\"msg\":\"Invalid request\"},\"id\":null}");
		assertThat(receive("/ws", "{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":3}", 1))
			.containsExactly("{\"error\":{\"code\":2,\"msg\":\"Invalid request\"},\"id\":3}");
	}

	@Test
	void keepsTheRecordedSpacingScaledBySpeed() {
		// the last aggTrade was received 28.276668s after the first: 282ms at 100x
		start(100);
		List<Long> arrivals = new ArrayList<>();
		receiveWith("/ws", SUBSCRIBE, 1 + aggTrades.size(), (frame) -> arrivals.add(System.nanoTime()));
		Duration firstToLast = Duration.ofNanos(arrivals.get(arrivals.size() - 1) - arrivals.get(1));
		assertThat(firstToLast).isBetween(Duration.ofMillis(270), Duration.ofSeconds(5));
	}

	@Test
	void stoppingClosesConnectionsWithGoingAway() throws Exception {
		Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
		start(1000);
		List<String> received = new CopyOnWriteArrayList<>();
		CompletableFuture<WebSocketCloseStatus> closeStatus = HttpClient.create()
			.websocket()
			.uri("ws://127.0.0.1:" + this.exchange.port() + "/ws")
			.handle((in, out) -> out.sendString(Mono.just(SUBSCRIBE))
				.then()
				.thenMany(in.receive().asString().doOnNext(received::add).then(in.receiveCloseStatus())))
			.next()
			.toFuture();
		await().atMost(TIMEOUT).until(() -> received.size() > 5);
		this.exchange.stop();
		assertThat(this.exchange.isRunning()).isFalse();
		assertThat(closeStatus.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
			.isEqualTo(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE);
		await().atMost(TIMEOUT)
			.until(() -> Thread.getAllStackTraces()
				.keySet()
				.stream()
				.filter((thread) -> !threadsBefore.contains(thread))
				.noneMatch(this::isReplayExchangeThread));
	}

	@Test
	void portWhenNotRunningThrows() {
		this.exchange = new ReplayExchange(List.of(new CaptureFrame(Duration.ZERO, "{}")), 0, 1);
		assertThatIllegalStateException().isThrownBy(this.exchange::port);
	}

	private boolean isReplayExchangeThread(Thread thread) {
		return thread.getName().startsWith("replay-exchange");
	}

	private void start(double speed) {
		List<CaptureFrame> frames = loadCapture().aggTrades();
		this.exchange = new ReplayExchange(frames, 0, speed);
		this.exchange.start();
		assertThat(this.exchange.isRunning()).isTrue();
	}

	private List<String> receive(String path, String request, int count) {
		return receiveWith(path, request, count, (frame) -> {
		});
	}

	private List<String> receiveWith(String path, String request, int count, Consumer<String> onFrame) {
		Flux<String> frames = HttpClient.create()
			.websocket()
			.uri("ws://127.0.0.1:" + this.exchange.port() + path)
			.handle((in, out) -> out.sendString(Mono.just(request))
				.then()
				.thenMany(in.aggregateFrames().receive().asString().doOnNext(onFrame)))
			.take(count);
		List<String> received = frames.collectList().block(TIMEOUT);
		assertThat(received).hasSize(count);
		return received;
	}

	private static List<String> loadAggTrades() {
		return loadCapture().aggTrades().stream().map(CaptureFrame::text).toList();
	}

	private static Capture loadCapture() {
		try {
			return Capture.load(new ClassPathResource("replay/binance-futures-2021-07-22.capture"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
