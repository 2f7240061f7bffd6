package dev.exchangeintegration.listener;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.exchangeintegration.annotation.ExchangeListener;
import dev.exchangeintegration.core.ConsumerOverflowException;
import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.event.ExchangeErrorEvent;
import dev.exchangeintegration.listener.Feed.Recording;
import dev.exchangeintegration.listener.Feed.Reference;
import dev.exchangeintegration.test.Recorder;
import dev.exchangeintegration.test.TestWebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A listener's own overflow policy, and a paused container's buffer, through a real
 * WebSocket server. These need the real core delivery: the interim one applies the
 * exchange's policy to every consumer, ends a consumer that overflows with the error
 * policy, and pauses by demand only.
 */
class ExchangeListenerOverflowTests {

	private static final int BUFFER_SIZE = 64;

	private static final int BURST = 32;

	private final TestWebSocketServer server = new TestWebSocketServer();

	private final ApplicationContextRunner contextRunner = Feed.contextRunner(this.server)
		.withPropertyValues("exchange-integration.exchanges.feed.buffer-size=" + BUFFER_SIZE)
		.withBean("reference", Reference.class)
		.withBean(Recorder.class);

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void listenerOverflowPolicyOverridesTheExchanges() {
		this.contextRunner.withPropertyValues("exchange-integration.exchanges.feed.overflow=drop-oldest")
			.withBean("keepOldest", DropLatestListener.class)
			.run((context) -> {
				DropLatestListener listener = context.getBean(DropLatestListener.class);
				ExchangeListenerContainer container = context.getBean(ExchangeListenerEndpointRegistry.class)
					.getListenerContainer("keepOldest.on");
				this.server.awaitReceived(1);
				sendPaced(context.getBean(Reference.class), 1000);
				listener.release.countDown();
				await().atMost(Feed.TIMEOUT).until(() -> listener.texts.size() + container.getDroppedOutputs() == 1000);
				// drop-latest kept the oldest: a gapless prefix, where drop-oldest would
				// have kept the newest
				assertThat(listener.texts).containsExactlyElementsOf(Feed.texts(1, listener.texts.size()));
				assertThat(listener.texts.size()).isGreaterThanOrEqualTo(BUFFER_SIZE);
			});
	}

	@Test
	void errorPolicyResubscribesTheListenerWhichGoesOnWithNewOutputs() {
		this.contextRunner.withPropertyValues("exchange-integration.exchanges.feed.overflow=drop-oldest")
			.withBean("failFast", ErrorListener.class)
			.run((context) -> {
				ErrorListener listener = context.getBean(ErrorListener.class);
				this.server.awaitReceived(1);
				sendPaced(context.getBean(Reference.class), 500);
				ExchangeErrorEvent overflow = context.getBean(Recorder.class)
					.awaitError((error) -> error.getKind() == ErrorKind.OVERFLOW);
				assertThat(overflow.getError()).isInstanceOf(ConsumerOverflowException.class)
					.hasMessageContaining("overflow policy ERROR");
				assertThat(((ConsumerOverflowException) overflow.getError()).getConsumer()).isEqualTo("failFast.on");
				listener.release.countDown();
				int[] next = { 500 };
				await().atMost(Feed.TIMEOUT).pollInterval(Duration.ofMillis(20)).until(() -> {
					this.server.sendText(String.valueOf(++next[0]));
					return listener.texts.stream().anyMatch((text) -> Integer.parseInt(text) > 500);
				});
			});
	}

	@Test
	void pausedBackpressureListenerStopsTheFeedOnceItsBufferIsFullAndOnResumeLosesNothing() {
		int frames = 2000;
		String padding = "|" + "x".repeat(1000);
		this.contextRunner.withPropertyValues("exchange-integration.exchanges.feed.overflow=backpressure")
			.withBean("held", Listener.class)
			.run((context) -> {
				Reference reference = context.getBean(Reference.class);
				Listener listener = context.getBean(Listener.class);
				ExchangeListenerContainer container = context.getBean(ExchangeListenerEndpointRegistry.class)
					.getListenerContainer("held.on");
				container.pause();
				this.server.awaitReceived(1);
				for (int i = 1; i <= frames; i++) {
					this.server.sendText(i + padding);
				}
				ExchangeErrorEvent paused = context.getBean(Recorder.class)
					.awaitError((error) -> error.getKind() == ErrorKind.OVERFLOW);
				assertThat(paused.getError()).hasMessageContaining("held.on");
				// the stream stopped reading for everyone, and held kept everything
				assertThat(reference.texts.size()).isLessThan(frames);
				assertThat(listener.texts).isEmpty();
				container.resume();
				Feed.awaitSize(listener.texts, frames);
				Feed.awaitSize(reference.texts, frames);
				List<String> expected = Feed.texts(1, frames).stream().map((text) -> text + padding).toList();
				assertThat(listener.texts).containsExactlyElementsOf(expected);
				assertThat(reference.texts).containsExactlyElementsOf(expected);
				assertThat(container.getDroppedOutputs()).isZero();
			});
	}

	/**
	 * Send 1 to {@code count} in bursts, each once the reference listener has everything
	 * sent before, so that it never falls a buffer behind.
	 */
	private void sendPaced(Reference reference, int count) {
		for (int sent = 0; sent < count; sent += BURST) {
			Feed.send(this.server, sent + 1, Math.min(sent + BURST, count));
			Feed.awaitSize(reference.texts, Math.min(sent + BURST, count));
		}
	}

	static class Listener extends Recording {

		@ExchangeListener("feed")
		void on(String text) {
			record(text);
		}

	}

	abstract static class Blocked extends Recording {

		final CountDownLatch release = new CountDownLatch(1);

		void block(String text) throws InterruptedException {
			record(text);
			this.release.await(10, TimeUnit.SECONDS);
		}

	}

	static class DropLatestListener extends Blocked {

		@ExchangeListener(value = "feed", overflow = "drop-latest")
		void on(String text) throws InterruptedException {
			block(text);
		}

	}

	static class ErrorListener extends Blocked {

		@ExchangeListener(value = "feed", overflow = "error")
		void on(String text) throws InterruptedException {
			block(text);
		}

	}

}
