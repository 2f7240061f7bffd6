package dev.exchangeintegration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import dev.exchangeintegration.core.ConsumerOverflowException;
import dev.exchangeintegration.core.ConsumerSpec;
import dev.exchangeintegration.core.DefaultExchangeStream;
import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.core.ExchangeError;
import dev.exchangeintegration.core.HeartbeatSpec;
import dev.exchangeintegration.core.OutputSubscription;
import dev.exchangeintegration.core.OverflowPolicy;
import dev.exchangeintegration.test.RecordingHandler;
import dev.exchangeintegration.test.TestStreams;
import dev.exchangeintegration.test.TestWebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@link OverflowPolicy#BACKPRESSURE} policy through a real WebSocket: a consumer
 * that falls a buffer behind stops the stream reading, so that the exchange's side backs
 * up, nothing is dropped, the pause is reported, and once the consumer catches up every
 * frame arrives, in order, exactly once.
 * <p>
 * Frames are padded to about 1 KiB, so that a few thousand of them fill the TCP buffers
 * between the server and the client.
 */
class BackpressureTests {

	private static final int BUFFER_SIZE = 1000;

	private static final int PADDING = 1000;

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final Pattern PAUSED_FOR = Pattern.compile("full for (\\d+) ms");

	private final TestWebSocketServer server = new TestWebSocketServer();

	private final TestStreams streams = new TestStreams();

	@AfterEach
	void close() {
		this.streams.close();
		this.server.close();
	}

	@Test
	void blockedConsumerStopsTheStreamReadingIsReportedAndThenReceivesEveryFrameInOrderExactlyOnce() {
		int frames = 20_000;
		DefaultExchangeStream<String, Long> stream = this.streams.start(this.server,
				(builder) -> builder.bufferSize(BUFFER_SIZE));
		RecordingHandler blocked = RecordingHandler.blockedOnFirst();
		RecordingHandler fresh = RecordingHandler.recording();
		OutputSubscription slow = stream.subscribe(ConsumerSpec.isolated("blocked", this.streams.threadPerTask()),
				blocked);
		// room for every frame sent: however loaded the machine, it drops none
		OutputSubscription fast = stream.subscribe(
				new ConsumerSpec("fresh", OverflowPolicy.DROP_OLDEST, 2 * frames, this.streams.threadPerTask()), fresh);
		sendPadded(1, frames);
		// the client no longer reads: the server's side backs up
		await().atMost(TIMEOUT).until(() -> !this.server.isWritable());
		ExchangeError first = this.streams.awaitError(pausedBy("blocked"), 0);
		long read = this.streams.framesRead();
		ExchangeError second = this.streams.awaitError(pausedBy("blocked"), 1);
		assertThat(this.streams.framesRead()).as("frames read while paused").isEqualTo(read);
		// a buffer's worth, the output in the handler, and what the last read brought
		assertThat(read).isBetween(BUFFER_SIZE + 1L, 2L * BUFFER_SIZE);
		assertThat(first.cause()).isInstanceOf(ConsumerOverflowException.class)
			.hasMessageContaining("Consumer 'blocked' of exchange 'feed'")
			.hasMessageContaining("reading is paused")
			.hasMessageContaining("nothing dropped");
		assertThat(((ConsumerOverflowException) first.cause()).getConsumer()).isEqualTo("blocked");
		assertThat(pausedMillis(first)).isGreaterThanOrEqualTo(1000);
		assertThat(pausedMillis(second)).isGreaterThanOrEqualTo(2000);
		// the pause holds every consumer: the fast one has what was read, and no more
		await().atMost(TIMEOUT).until(() -> fresh.count() == read);
		assertThat(fresh.outputs()).containsExactlyElementsOf(sequence(1, (int) read));
		assertThat(blocked.outputs()).containsExactly(1L);
		assertThat(slow.buffered()).isEqualTo(read - 1);
		blocked.release();
		await().atMost(TIMEOUT).until(() -> blocked.count() == frames && fresh.count() == frames);
		assertThat(blocked.outputs()).containsExactlyElementsOf(sequence(1, frames));
		assertThat(fresh.outputs()).containsExactlyElementsOf(sequence(1, frames));
		assertThat(slow.dropped()).isZero();
		assertThat(fast.dropped()).isZero();
		assertThat(stream.droppedOutputs()).isEmpty();
		assertThat(this.server.isWritable()).isTrue();
		assertThat(this.streams.errors()).allMatch(pausedBy("blocked"));
	}

	@Test
	void pausedSubscriptionFillsStopsTheStreamReadingAndOnResumeReceivesEverythingInOrder() {
		int frames = 5000;
		DefaultExchangeStream<String, Long> stream = this.streams.start(this.server,
				(builder) -> builder.bufferSize(BUFFER_SIZE));
		RecordingHandler handler = RecordingHandler.recording();
		OutputSubscription subscription = stream
			.subscribe(ConsumerSpec.isolated("paused", this.streams.threadPerTask()), handler);
		subscription.pause();
		assertThat(subscription.isPaused()).isTrue();
		sendPadded(1, frames);
		this.streams.awaitError(pausedBy("paused"), 0);
		long read = this.streams.framesRead();
		this.streams.awaitError(pausedBy("paused"), 1);
		assertThat(this.streams.framesRead()).as("frames read while paused").isEqualTo(read);
		assertThat(read).isBetween((long) BUFFER_SIZE, 2L * BUFFER_SIZE);
		assertThat(handler.outputs()).isEmpty();
		assertThat(subscription.buffered()).isEqualTo(read);
		subscription.resume();
		assertThat(subscription.isPaused()).isFalse();
		await().atMost(TIMEOUT).until(() -> handler.count() == frames);
		assertThat(handler.outputs()).containsExactlyElementsOf(sequence(1, frames));
		assertThat(subscription.dropped()).isZero();
		assertThat(subscription.buffered()).isZero();
	}

	@Test
	void pausedDirectConsumerStopsTheStreamReadingUntilResumed() {
		int frames = 20_000;
		DefaultExchangeStream<String, Long> stream = this.streams.start(this.server, (builder) -> builder);
		RecordingHandler handler = RecordingHandler.recording();
		OutputSubscription subscription = stream.subscribe(ConsumerSpec.direct("direct"), handler);
		subscription.pause();
		sendPadded(1, frames);
		await().atMost(TIMEOUT).until(() -> !this.server.isWritable());
		assertThat(this.streams.framesRead()).isLessThan(frames / 10);
		subscription.resume();
		await().atMost(TIMEOUT).until(() -> handler.count() == frames);
		assertThat(handler.outputs()).containsExactlyElementsOf(sequence(1, frames));
		// a deliberate pause is no overflow
		assertThat(this.streams.errors()).isEmpty();
	}

	@Test
	void fluxSubscriberThatRequestsNothingStopsTheStreamReadingUntilItRequests() {
		int frames = 5000;
		DefaultExchangeStream<String, Long> stream = this.streams.start(this.server,
				(builder) -> builder.bufferSize(BUFFER_SIZE));
		List<Long> received = Collections.synchronizedList(new ArrayList<>());
		BaseSubscriber<Long> lazy = new BaseSubscriber<>() {

			@Override
			protected void hookOnSubscribe(org.reactivestreams.Subscription subscription) {
				// requests nothing yet
			}

			@Override
			protected void hookOnNext(Long value) {
				received.add(value);
			}

		};
		stream.flux("lazy", Schedulers.boundedElastic()).subscribe(lazy);
		sendPadded(1, frames);
		this.streams.awaitError(pausedBy("lazy"), 0);
		long read = this.streams.framesRead();
		this.streams.awaitError(pausedBy("lazy"), 1);
		assertThat(this.streams.framesRead()).as("frames read while paused").isEqualTo(read);
		assertThat(read).isBetween((long) BUFFER_SIZE, 2L * BUFFER_SIZE);
		assertThat(received).isEmpty();
		lazy.request(10);
		await().atMost(TIMEOUT).until(() -> received.size() == 10);
		lazy.request(Long.MAX_VALUE);
		await().atMost(TIMEOUT).until(() -> received.size() == frames);
		assertThat(List.copyOf(received)).containsExactlyElementsOf(sequence(1, frames));
		assertThat(stream.droppedOutputs()).isEmpty();
		lazy.dispose();
	}

	@Test
	void newConnectionReadsAlthoughAConsumerIsStillFullAndNothingReadIsLost() {
		DefaultExchangeStream<String, Long> stream = this.streams.start(this.server,
				(builder) -> builder.bufferSize(100)
					.heartbeat(new HeartbeatSpec(Duration.ofMillis(100), null, null, null)));
		RecordingHandler blocked = RecordingHandler.blockedOnFirst();
		RecordingHandler watcher = RecordingHandler.recording();
		stream.subscribe(ConsumerSpec.isolated("blocked", this.streams.threadPerTask()), blocked);
		stream.subscribe(ConsumerSpec.direct("watcher"), watcher);
		sendPadded(1, 20_000);
		this.streams.awaitError(pausedBy("blocked"), 0);
		int readOnFirst = watcher.count();
		assertThat(readOnFirst).isLessThan(20_000);
		// the pings the client goes on sending meet a closed socket: the connection
		// ends, and the stream reconnects while "blocked" is still full
		this.server.abort();
		this.server.awaitConnections(2);
		this.server.awaitReceived(1, 1);
		// read although "blocked" is still full, which pauses the new connection in turn
		this.server.sendText("100001");
		await().atMost(TIMEOUT).until(() -> watcher.outputs().contains(100001L));
		assertThat(blocked.outputs()).containsExactly(1L);
		int readOnSecond = watcher.count();
		assertThat(readOnSecond).isGreaterThan(readOnFirst);
		blocked.release();
		await().atMost(TIMEOUT).until(() -> blocked.count() == readOnSecond);
		this.server.sendText("100002", "100003");
		await().atMost(TIMEOUT).until(() -> blocked.count() == readOnSecond + 2 && watcher.count() == readOnSecond + 2);
		List<Long> expected = new ArrayList<>(sequence(1, readOnSecond - 1));
		expected.addAll(List.of(100001L, 100002L, 100003L));
		assertThat(watcher.outputs()).containsExactlyElementsOf(expected);
		assertThat(blocked.outputs()).containsExactlyElementsOf(expected);
		assertThat(stream.droppedOutputs()).isEmpty();
	}

	private void sendPadded(long first, int count) {
		for (long n = first; n < first + count; n++) {
			this.server.sendText(TestStreams.padded(n, PADDING));
		}
	}

	private static Predicate<ExchangeError> pausedBy(String consumer) {
		return (error) -> error.kind() == ErrorKind.OVERFLOW
				&& error.cause() instanceof ConsumerOverflowException overflow
				&& overflow.getConsumer().equals(consumer) && overflow.getDropped() == 0;
	}

	private static long pausedMillis(ExchangeError error) {
		Matcher matcher = PAUSED_FOR.matcher(error.cause().getMessage());
		assertThat(matcher.find()).as(error.cause().getMessage()).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	private static List<Long> sequence(long first, int count) {
		return LongStream.range(first, first + count).boxed().toList();
	}

}
