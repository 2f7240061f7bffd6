package dev.exchangeintegration.listener;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import dev.exchangeintegration.annotation.ExchangeListener;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;
import dev.exchangeintegration.test.TestWebSocketServer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.awaitility.Awaitility.await;

/**
 * An exchange named {@code feed} whose outputs are the text frames of a
 * {@link TestWebSocketServer}, and what listener tests record from it.
 */
final class Feed {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	private Feed() {
	}

	/**
	 * Return a runner with the auto-configuration and the {@code feed} exchange on the
	 * server, which subscribes with {@code hello}.
	 */
	static ApplicationContextRunner contextRunner(TestWebSocketServer server) {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(JacksonAutoConfiguration.class, ExchangeIntegrationAutoConfiguration.class))
			.withPropertyValues("exchange-integration.exchanges.feed.url=" + server.url(),
					"exchange-integration.exchanges.feed.subscriptions[0]=hello",
					"exchange-integration.exchanges.feed.message-type=java.lang.String");
	}

	/**
	 * Send {@code "from"} to {@code "to"}, in order.
	 */
	static List<String> send(TestWebSocketServer server, int from, int to) {
		List<String> texts = texts(from, to);
		texts.forEach(server::sendText);
		return texts;
	}

	static List<String> texts(int from, int to) {
		return IntStream.rangeClosed(from, to).mapToObj(String::valueOf).toList();
	}

	static void awaitSize(List<?> list, int size) {
		await().atMost(TIMEOUT).until(() -> list.size() >= size);
	}

	/**
	 * Records the outputs a listener receives and the threads it receives them on.
	 */
	abstract static class Recording {

		final List<String> texts = new CopyOnWriteArrayList<>();

		final List<Thread> threads = new CopyOnWriteArrayList<>();

		void record(String text) {
			this.texts.add(text);
			this.threads.add(Thread.currentThread());
		}

	}

	/**
	 * A listener with default attributes, to know when the stream has delivered.
	 */
	static class Reference extends Recording {

		@ExchangeListener("feed")
		void on(String text) {
			record(text);
		}

	}

}
