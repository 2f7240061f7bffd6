package dev.exchangeintegration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.LongStream;

import dev.exchangeintegration.core.ConsumerOverflowException;
import dev.exchangeintegration.core.ConsumerSpec;
import dev.exchangeintegration.core.DefaultExchangeStream;
import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.core.ExchangeError;
import dev.exchangeintegration.core.OutputSubscription;
import dev.exchangeintegration.core.OverflowPolicy;
import dev.exchangeintegration.test.RecordingHandler;
import dev.exchangeintegration.test.TestStreams;
import dev.exchangeintegration.test.TestWebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How consumers of one stream receive its outputs, through a real WebSocket: each with
 * its own overflow policy and exact drop accounting, directly on the transport's thread
 * or on a thread of its own, with the receive time of each frame; failures of one
 * consumer reported without affecting the next output; and on stop, what is buffered
 * handed over within the timeout.
 */
class ConsumerDeliveryTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final TestWebSocketServer server = new TestWebSocketServer();

	private final TestStreams streams = new TestStreams();

	@AfterEach
	void close() {
		this.streams.close();
		this.server.close();
	}

	@Test
	void eachConsumerHasItsOwnOverflowPolicyWithExactAccounting() {
		int frames = 5000;
		int bufferSize = 100;
		DefaultExchangeStream<String, Long> stream = this.streams.start(this.server, (builder) -> builder);
		RecordingHandler oldest = RecordingHandler.blockedOnFirst();
		RecordingHandler latest = RecordingHandler.blockedOnFirst();
		RecordingHandler failing = RecordingHandler.blockedOnFirst();
		RecordingHandler all = RecordingHandler.recording();
		OutputSubscription keepsNewest = stream.subscribe(spec("oldest", OverflowPolicy.DROP_OLDEST, bufferSize),
				oldest);
		OutputSubscription keepsOldest = stream.subscribe(spec("latest", OverflowPolicy.DROP_LATEST, bufferSize),
				latest);
		OutputSubscription fails = stream.subscribe(spec("failing", OverflowPolicy.ERROR, bufferSize), failing);
		stream.subscribe(ConsumerSpec.isolated("all", this.streams.threadPerTask()), all);
		// each blocked consumer is in its handler with the first output, its buffer empty
		send(1, 1);
		await().atMost(TIMEOUT).until(() -> oldest.count() == 1 && latest.count() == 1 && failing.count() == 1);
		send(2, frames - 1);
		// "all" has the stream's default: backpressure, with the default buffer
		await().atMost(TIMEOUT).until(() -> all.count() == frames);
		assertThat(all.outputs()).containsExactlyElementsOf(sequence(1, frames));
		oldest.release();
		latest.release();
		failing.release();
		await().atMost(TIMEOUT)
			.until(() -> oldest.count() + keepsNewest.dropped() == frames
					&& latest.count() + keepsOldest.dropped() == frames && failing.count() + fails.dropped() == frames);
		List<Long> newest = new ArrayList<>(List.of(1L));
		newest.addAll(sequence(frames - bufferSize + 1, bufferSize));
		assertThat(oldest.outputs()).containsExactlyElementsOf(newest);
		assertThat(latest.outputs()).containsExactlyElementsOf(sequence(1, bufferSize + 1));
		assertThat(failing.outputs()).startsWith(1L).isSorted().doesNotHaveDuplicates();
		assertThat(stream.droppedOutputs()).containsOnlyKeys("oldest", "latest", "failing")
			.containsEntry("oldest", (long) frames - bufferSize - 1)
			.containsEntry("latest", (long) frames - bufferSize - 1);
		// drops are reported at the 1st, 2nd, 4th... 4096th of each consumer
		assertThat(this.streams.errors().stream().filter(overflowOf("oldest"))).hasSize(13);
		assertThat(this.streams.errors().stream().filter(overflowOf("latest"))).hasSize(13);
		// the error policy reports every overflow, then goes on with new outputs
		List<ExchangeError> failures = this.streams.errors().stream().filter(overflowOf("failing")).toList();
		assertThat(failures).isNotEmpty()
			.allSatisfy((error) -> assertThat(error.cause()).hasMessageContaining("overflow policy ERROR"));
		assertThat(((ConsumerOverflowException) failures.get(failures.size() - 1).cause()).getDropped())
			.isEqualTo(fails.dropped());
		assertThat(this.streams.errors()).allMatch((error) -> error.kind() == ErrorKind.OVERFLOW);
	}

	@Test
	void directDeliveryRunsOnTheTransportThreadAndReceivesEveryFrameInOrder() {
		int frames = 2000;
		DefaultExchangeStream<String, Long> stream = this.streams.start(this.server, (builder) -> builder);
		RecordingHandler direct = RecordingHandler.recording();
		OutputSubscription subscription = stream.subscribe(ConsumerSpec.direct("direct"), direct);
		send(1, frames);
		await().atMost(TIMEOUT).until(() -> direct.count() == frames);
		assertThat(direct.outputs()).containsExactlyElementsOf(sequence(1, frames));
		assertThat(direct.threads()).allSatisfy((thread) -> assertThat(thread).startsWith("exchange-ws"));
		assertThat(subscription.buffered()).isZero();
		assertThat(subscription.dropped()).isZero();
		assertThat(subscription.name()).isEqualTo("direct");
	}

	@Test
	void isolatedDeliveryRunsOnTheConsumersOwnThread() {
		DefaultExchangeStream<String, Long> stream = this.streams.start(this.server, (builder) -> builder);
		RecordingHandler isolated = RecordingHandler.recording();
		stream.subscribe(ConsumerSpec.isolated("isolated", this.streams.threadPerTask()), isolated);
		send(1, 100);
		await().atMost(TIMEOUT).until(() -> isolated.count() == 100);
		assertThat(isolated.outputs()).containsExactlyElementsOf(sequence(1, 100));
		assertThat(isolated.threads()).containsOnly("exchange-consumer-1");
	}

	@Test
	void receivedAtIsWhenTheFrameWasReadBetweenItsSendingAndItsHandling() {
		DefaultExchangeStream<String, Long> stream = this.streams.start(this.server, (builder) -> builder);
		RecordingHandler isolated = RecordingHandler.recording();
		RecordingHandler direct = RecordingHandler.recording();
		AtomicReference<Object> headers = new AtomicReference<>();
		stream.subscribe(ConsumerSpec.isolated("isolated", this.streams.threadPerTask()), isolated);
		stream.subscribe(ConsumerSpec.direct("direct"), direct);
		stream.subscribe(ConsumerSpec.direct("headers"), (output, context) -> headers.set(context.headers()));
		List<Instant> sentAt = new ArrayList<>();
		for (long n = 1; n <= 20; n++) {
			sentAt.add(Instant.now());
			this.server.sendText(String.valueOf(n));
			long sent = n;
			await().atMost(TIMEOUT).until(() -> isolated.count() == sent && direct.count() == sent);
		}
		for (RecordingHandler handler : List.of(isolated, direct)) {
			List<Instant[]> times = handler.times();
			for (int i = 0; i < 20; i++) {
				Instant receivedAt = times.get(i)[0];
				Instant handledAt = times.get(i)[1];
				assertThat(receivedAt).isAfterOrEqualTo(sentAt.get(i)).isBeforeOrEqualTo(handledAt);
			}
		}
		assertThat(headers.get()).isEqualTo(Map.of());
	}

	@Test
	void handlerExceptionIsReportedAndTheNextOutputDelivered() {
		DefaultExchangeStream<String, Long> stream = this.streams.start(this.server, (builder) -> builder);
		List<Long> isolated = new CopyOnWriteArrayList<>();
		List<Long> direct = new CopyOnWriteArrayList<>();
		stream.subscribe(ConsumerSpec.isolated("isolated", this.streams.threadPerTask()), (output, context) -> {
			isolated.add(output);
			if (output == 2) {
				throw new IllegalStateException("isolated failed on 2");
			}
		});
		stream.subscribe(ConsumerSpec.direct("direct"), (output, context) -> {
			direct.add(output);
			if (output == 2) {
				throw new IllegalStateException("direct failed on 2");
			}
		});
		send(1, 3);
		await().atMost(TIMEOUT).until(() -> isolated.size() == 3 && direct.size() == 3);
		assertThat(isolated).containsExactly(1L, 2L, 3L);
		assertThat(direct).containsExactly(1L, 2L, 3L);
		await().atMost(TIMEOUT).until(() -> this.streams.errors().size() == 2);
		assertThat(this.streams.errors()).allMatch((error) -> error.kind() == ErrorKind.LISTENER)
			.extracting((error) -> error.cause().getMessage())
			.containsExactlyInAnyOrder("isolated failed on 2", "direct failed on 2");
	}

	@Test
	void stopHandsOverWhatIsBufferedThenCompletesEveryConsumer() throws Exception {
		DefaultExchangeStream<String, Long> stream = this.streams.start(this.server, (builder) -> builder);
		RecordingHandler slow = RecordingHandler.blockedOnFirst();
		List<Long> streamed = new CopyOnWriteArrayList<>();
		AtomicBoolean completed = new AtomicBoolean();
		OutputSubscription subscription = stream.subscribe(ConsumerSpec.isolated("slow", this.streams.threadPerTask()),
				slow);
		stream.flux().subscribe(streamed::add, null, () -> completed.set(true));
		send(1, 200);
		await().atMost(TIMEOUT).until(() -> subscription.buffered() == 199 && streamed.size() == 200);
		CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> stream.stop(Duration.ofSeconds(30)));
		await().atMost(TIMEOUT).until(completed::get);
		assertThat(stopping).isNotDone();
		slow.release();
		stopping.get();
		assertThat(slow.outputs()).containsExactlyElementsOf(sequence(1, 200));
		assertThat(streamed).containsExactlyElementsOf(sequence(1, 200));
		assertThat(subscription.isDisposed()).isTrue();
		await().atMost(TIMEOUT).until(() -> consumerThreads().isEmpty());
	}

	@Test
	void stopInterruptsAConsumerStillBusyAtTheTimeoutAndLeavesNoThreadBehind() {
		DefaultExchangeStream<String, Long> stream = this.streams.start(this.server, (builder) -> builder);
		RecordingHandler stuck = RecordingHandler.blockedOnFirst();
		stream.subscribe(ConsumerSpec.isolated("stuck", this.streams.threadPerTask()), stuck);
		send(1, 10);
		await().atMost(TIMEOUT).until(() -> stuck.count() == 1);
		long stopping = System.nanoTime();
		stream.stop(Duration.ofMillis(300));
		assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(5));
		await().atMost(TIMEOUT).until(() -> consumerThreads().isEmpty());
		assertThat(stuck.wasInterrupted()).isTrue();
		assertThat(stuck.outputs()).containsExactly(1L);
	}

	@Test
	void drainAndDisposeHandsOverWhatIsBufferedAndTakesNothingNew() throws Exception {
		DefaultExchangeStream<String, Long> stream = this.streams.start(this.server, (builder) -> builder);
		RecordingHandler slow = RecordingHandler.blockedOnFirst();
		RecordingHandler other = RecordingHandler.recording();
		OutputSubscription subscription = stream.subscribe(ConsumerSpec.isolated("slow", this.streams.threadPerTask()),
				slow);
		stream.subscribe(ConsumerSpec.direct("other"), other);
		send(1, 50);
		await().atMost(TIMEOUT).until(() -> subscription.buffered() == 49);
		CompletableFuture<Boolean> draining = CompletableFuture
			.supplyAsync(() -> subscription.drainAndDispose(Duration.ofSeconds(30)));
		send(51, 10);
		await().atMost(TIMEOUT).until(() -> other.count() == 60);
		slow.release();
		assertThat(draining.get()).isTrue();
		assertThat(slow.outputs()).startsWith(sequence(1, 50).toArray(Long[]::new)).isSorted();
		int handled = slow.count();
		send(61, 10);
		await().atMost(TIMEOUT).until(() -> other.count() == 70);
		assertThat(slow.count()).isEqualTo(handled);
		assertThat(subscription.isDisposed()).isTrue();
		await().atMost(TIMEOUT).until(() -> consumerThreads().isEmpty());
	}

	private ConsumerSpec spec(String name, OverflowPolicy overflow, int bufferSize) {
		return new ConsumerSpec(name, overflow, bufferSize, this.streams.threadPerTask());
	}

	private void send(long first, int count) {
		for (long n = first; n < first + count; n++) {
			this.server.sendText(String.valueOf(n));
		}
	}

	private static Predicate<ExchangeError> overflowOf(String consumer) {
		return (error) -> error.kind() == ErrorKind.OVERFLOW
				&& error.cause() instanceof ConsumerOverflowException overflow
				&& overflow.getConsumer().equals(consumer);
	}

	private static List<String> consumerThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(Thread::isAlive)
			.map(Thread::getName)
			.filter((name) -> name.startsWith("exchange-consumer"))
			.toList();
	}

	private static List<Long> sequence(long first, int count) {
		return LongStream.range(first, first + count).boxed().toList();
	}

}
