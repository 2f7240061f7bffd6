package dev.exchangeintegration;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;

import dev.exchangeintegration.annotation.ExchangeListener;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;
import dev.exchangeintegration.core.ConsumerOverflowException;
import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.core.ExchangeStream;
import dev.exchangeintegration.core.Transformer;
import dev.exchangeintegration.event.ExchangeErrorEvent;
import dev.exchangeintegration.test.Recorder;
import dev.exchangeintegration.test.TestWebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A slow listener on a fast feed: the other listener and the Flux subscriber receive
 * everything, the slow one's drops are counted according to the overflow policy, and the
 * socket thread is never blocked.
 */
class SlowConsumerTests {

	private static final int FRAMES = 20_000;

	private static final int BUFFER_SIZE = 4096;

	private static final int BURST = 2000;

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final TestWebSocketServer server = new TestWebSocketServer();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(JacksonAutoConfiguration.class, ExchangeIntegrationAutoConfiguration.class))
		.withPropertyValues("exchange-integration.exchanges.feed.url=" + this.server.url(),
				"exchange-integration.exchanges.feed.subscriptions[0]=subscribe",
				"exchange-integration.exchanges.feed.transformer=sequence",
				"exchange-integration.exchanges.feed.buffer-size=" + BUFFER_SIZE)
		.withBean(Recorder.class)
		.withUserConfiguration(ConsumersConfiguration.class);

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void dropLatestKeepsTheOldestOutputsForTheSlowListenerOnly() {
		this.contextRunner.withPropertyValues("exchange-integration.exchanges.feed.overflow=drop-latest")
			.run((context) -> {
				List<Long> slow = feedWhileSlowListenerIsBlocked(context);
				// it kept the oldest: a gapless prefix of the sequence
				assertThat(slow).containsExactlyElementsOf(sequence(1, slow.size()));
				assertThat(slow.size()).isGreaterThanOrEqualTo(BUFFER_SIZE);
			});
	}

	@Test
	void dropOldestKeepsTheNewestOutputsForTheSlowListenerOnly() {
		this.contextRunner.withPropertyValues("exchange-integration.exchanges.feed.overflow=drop-oldest")
			.run((context) -> {
				List<Long> slow = feedWhileSlowListenerIsBlocked(context);
				// what it had taken before blocking, then the newest BUFFER_SIZE
				int taken = slow.size() - BUFFER_SIZE;
				assertThat(taken).isPositive();
				assertThat(slow.subList(0, taken)).containsExactlyElementsOf(sequence(1, taken));
				assertThat(slow.subList(taken, slow.size()))
					.containsExactlyElementsOf(sequence(FRAMES - BUFFER_SIZE + 1, BUFFER_SIZE));
			});
	}

	@Test
	void errorPolicyFailsTheSlowFluxSubscriberAndResubscribesTheSlowListener() {
		this.contextRunner.withPropertyValues("exchange-integration.exchanges.feed.overflow=error")
			.withUserConfiguration(SlowFluxConfiguration.class)
			.run((context) -> {
				Consumers consumers = context.getBean(Consumers.class);
				SlowFlux slowFlux = context.getBean(SlowFlux.class);
				this.server.awaitReceived(1);
				sendSequence(consumers, FRAMES);
				await().atMost(TIMEOUT)
					.until(() -> consumers.fast.size() == FRAMES && consumers.streamed.size() == FRAMES);
				consumers.release.countDown();
				slowFlux.release.countDown();
				await().atMost(TIMEOUT).until(() -> slowFlux.error.get() != null);
				assertThat(slowFlux.error.get()).isInstanceOf(ConsumerOverflowException.class)
					.hasMessageContaining("overflow policy ERROR");
				// the listener goes on with new outputs once resubscribed
				long[] next = { FRAMES };
				await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(20)).until(() -> {
					this.server.sendText(String.valueOf(++next[0]));
					return consumers.slow.stream().anyMatch((value) -> value > FRAMES);
				});
				await().atMost(TIMEOUT).until(() -> consumers.fast.size() == next[0]);
				assertThat(consumers.fast).containsExactlyElementsOf(sequence(1, (int) next[0]));
				ExchangeStream<?> stream = context.getBean("feed.exchangeStream", ExchangeStream.class);
				assertThat(stream.droppedOutputs()).containsKeys("consumers.slow", "SlowFlux.slowFlux")
					.doesNotContainKeys("consumers.fast");
				ExchangeErrorEvent overflow = context.getBean(Recorder.class)
					.awaitError((error) -> error.getKind() == ErrorKind.OVERFLOW
							&& error.getError().getMessage().contains("SlowFlux"));
				assertThat(((ConsumerOverflowException) overflow.getError()).getConsumer())
					.isEqualTo("SlowFlux.slowFlux");
			});
	}

	/**
	 * Send {@link #FRAMES} frames as fast as the server can while the slow listener is
	 * blocked on its first output, check that the fast listener and the Flux subscriber
	 * got every one in order, then release the slow listener and return what it got once
	 * drained, checking that it got or dropped every output exactly once.
	 */
	private List<Long> feedWhileSlowListenerIsBlocked(AssertableApplicationContext context) {
		Consumers consumers = context.getBean(Consumers.class);
		this.server.awaitReceived(1);
		long start = System.nanoTime();
		sendSequence(consumers, FRAMES);
		await().atMost(TIMEOUT).until(() -> consumers.fast.size() == FRAMES && consumers.streamed.size() == FRAMES);
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		System.out.printf("%d frames through the socket to the fast consumers in %d ms (%.0f frames/s)%n", FRAMES,
				elapsed.toMillis(), FRAMES / (elapsed.toNanos() / 1e9));
		// the slow listener is still blocked on its first output, yet the socket thread
		// delivered everything to the others
		assertThat(consumers.slow).containsExactly(1L);
		assertThat(consumers.fast).containsExactlyElementsOf(sequence(1, FRAMES));
		assertThat(consumers.streamed).containsExactlyElementsOf(sequence(1, FRAMES));
		consumers.release.countDown();
		ExchangeStream<?> stream = context.getBean("feed.exchangeStream", ExchangeStream.class);
		await().atMost(TIMEOUT).until(() -> consumers.slow.size() + dropped(stream, "consumers.slow") == FRAMES);
		assertThat(stream.droppedOutputs()).containsOnlyKeys("consumers.slow");
		ExchangeErrorEvent overflow = context.getBean(Recorder.class).awaitError(0);
		assertThat(overflow.getKind()).isEqualTo(ErrorKind.OVERFLOW);
		assertThat(((ConsumerOverflowException) overflow.getError()).getConsumer()).isEqualTo("consumers.slow");
		return List.copyOf(consumers.slow);
	}

	/**
	 * Send 1 to {@code count} as fast as the server can, in bursts of {@link #BURST}: the
	 * next burst goes once the fast consumers have everything, so that they never fall a
	 * buffer behind on a loaded machine, while the blocked slow listener does.
	 */
	private void sendSequence(Consumers consumers, int count) {
		for (int sent = 0; sent < count;) {
			int burst = Math.min(BURST, count - sent);
			for (long i = sent + 1; i <= sent + burst; i++) {
				this.server.sendText(String.valueOf(i));
			}
			sent += burst;
			int expected = sent;
			await().atMost(TIMEOUT)
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(1))
				.until(() -> consumers.fast.size() >= expected && consumers.streamed.size() >= expected);
		}
	}

	private static long dropped(ExchangeStream<?> stream, String consumer) {
		return stream.droppedOutputs().getOrDefault(consumer, 0L);
	}

	private static List<Long> sequence(long first, int count) {
		return LongStream.range(first, first + count).boxed().toList();
	}

	@Configuration(proxyBeanMethods = false)
	static class ConsumersConfiguration {

		@Bean
		Transformer<String, Long> sequence() {
			return (text, out) -> out.accept(Long.parseLong(text));
		}

		@Bean
		Consumers consumers(@Qualifier("feed") Flux<Long> outputs) {
			return new Consumers(outputs);
		}

	}

	static class Consumers {

		final CountDownLatch release = new CountDownLatch(1);

		final Queue<Long> slow = new ConcurrentLinkedQueue<>();

		final Queue<Long> fast = new ConcurrentLinkedQueue<>();

		final Queue<Long> streamed = new ConcurrentLinkedQueue<>();

		Consumers(Flux<Long> outputs) {
			outputs.subscribe(this.streamed::add);
		}

		@ExchangeListener("feed")
		void slow(Long value) throws InterruptedException {
			this.slow.add(value);
			this.release.await(60, TimeUnit.SECONDS);
			LockSupport.parkNanos(20_000);
		}

		@ExchangeListener("feed")
		void fast(Long value) {
			this.fast.add(value);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SlowFluxConfiguration {

		@Bean
		SlowFlux slowFlux(@Qualifier("feed") ExchangeStream<Long> stream) {
			return new SlowFlux(stream);
		}

	}

	static class SlowFlux {

		final CountDownLatch release = new CountDownLatch(1);

		final AtomicReference<Throwable> error = new AtomicReference<>();

		SlowFlux(ExchangeStream<Long> stream) {
			stream.flux("SlowFlux.slowFlux", reactor.core.scheduler.Schedulers.boundedElastic())
				.subscribe((value) -> awaitRelease(), this.error::set);
		}

		private void awaitRelease() {
			try {
				this.release.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
