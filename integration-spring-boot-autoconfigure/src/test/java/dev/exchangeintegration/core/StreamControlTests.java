package dev.exchangeintegration.core;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.exchangeintegration.rest.ExchangeApiException;
import dev.exchangeintegration.test.TestStreams;
import dev.exchangeintegration.test.TestWebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for suspending, resuming and reconnecting a stream at runtime, its statistics and
 * its consumers, over a loopback WebSocket.
 */
class StreamControlTests {

	private static final Duration AWAIT = Duration.ofSeconds(10);

	private final TestWebSocketServer server = new TestWebSocketServer();

	private final TestStreams streams = new TestStreams();

	@AfterEach
	void close() {
		this.streams.close();
		this.server.close();
	}

	@Test
	void suspendedStreamKeepsItsConsumersAndResumesWithEverySubscription() {
		DefaultExchangeStream<String, Long> stream = this.streams.start(this.server, (builder) -> builder);
		List<Long> outputs = new CopyOnWriteArrayList<>();
		AtomicBoolean completed = new AtomicBoolean();
		Disposable flux = stream.flux("watcher", reactor.core.scheduler.Schedulers.boundedElastic())
			.subscribe(outputs::add, null, () -> completed.set(true));
		stream.addSubscription("more");
		this.server.awaitReceived(2);
		assertThat(stream.consumers()).extracting(ConsumerStatus::name, ConsumerStatus::delivery)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("watcher", "flux"));
		assertThat(stream.suspend(AWAIT)).isTrue();
		assertThat(stream.state()).isEqualTo(ConnectionState.SUSPENDED);
		assertThat(stream.isRunning()).isTrue();
		assertThat(stream.suspend(AWAIT)).isFalse();
		assertThat(stream.reconnect()).isFalse();
		assertThat(completed).isFalse();
		assertThat(stream.resume()).isTrue();
		this.server.awaitConnections(2);
		this.server.awaitReceived(1, 2);
		assertThat(this.server.received(1)).containsExactly("subscribe", "more");
		await().atMost(AWAIT).until(() -> stream.state() == ConnectionState.LIVE);
		this.server.sendText("1", "2");
		await().atMost(AWAIT).until(() -> outputs.size() == 2);
		assertThat(stream.statistics().frames()).isEqualTo(2);
		assertThat(stream.statistics().outputs()).isEqualTo(2);
		assertThat(stream.reconnect()).isTrue();
		this.server.awaitConnections(3);
		await().atMost(AWAIT).until(() -> stream.state() == ConnectionState.LIVE);
		assertThat(stream.statistics().reconnects()).containsExactly(java.util.Map.entry("operator", 1L));
		assertThat(stream.statistics().errors(ErrorKind.CONNECTION)).isZero();
		// stopping a suspended stream completes it
		assertThat(stream.suspend(AWAIT)).isTrue();
		stream.stop(AWAIT);
		assertThat(stream.state()).isEqualTo(ConnectionState.STOPPED);
		await().atMost(AWAIT).untilTrue(completed);
		assertThat(stream.resume()).isFalse();
		flux.dispose();
	}

	@Test
	void exchangeApiMessagesAreEscaped() {
		ExchangeApiException ex = new ExchangeApiException("binance", 400, "-1\r\n",
				"Bad\r\nFORGED-LOG-LINE ERROR \u001b[31m", null);
		assertThat(ex.getMessage()).doesNotContain("\r", "\n", "\u001b")
			.endsWith("error -1\\r\\n: Bad\\r\\nFORGED-LOG-LINE ERROR \\u001b[31m");
	}

}
