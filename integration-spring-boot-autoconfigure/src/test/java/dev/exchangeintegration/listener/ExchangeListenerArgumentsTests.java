package dev.exchangeintegration.listener;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.exchangeintegration.annotation.ExchangeListener;
import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.core.ExchangeError;
import dev.exchangeintegration.core.ExchangeStreamObserver;
import dev.exchangeintegration.listener.Feed.Recording;
import dev.exchangeintegration.messaging.ExchangeHeaders;
import dev.exchangeintegration.test.TestWebSocketServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Payload;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the arguments of listener methods ({@code Message} and {@code @Header}) and
 * for error handlers, through a real WebSocket server.
 */
class ExchangeListenerArgumentsTests {

	private final TestWebSocketServer server = new TestWebSocketServer();

	private final ApplicationContextRunner contextRunner = Feed.contextRunner(this.server)
		.withBean(RecordingObserver.class);

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void messageParameterReceivesTheOutputWithExchangeReceivedAtAndListenerIdHeaders() {
		this.contextRunner.withBean("messages", MessageListener.class).run((context) -> {
			MessageListener listener = context.getBean(MessageListener.class);
			this.server.awaitReceived(1);
			Instant sent = Instant.now();
			this.server.sendText("a", "b");
			Feed.awaitSize(listener.messages, 2);
			assertThat(listener.messages).extracting(Message::getPayload).containsExactly("a", "b");
			Message<String> message = listener.messages.get(0);
			assertThat(message.getHeaders().get(ExchangeHeaders.EXCHANGE)).isEqualTo("feed");
			assertThat(message.getHeaders().get(ExchangeHeaders.LISTENER_ID)).isEqualTo("messages.on");
			Instant receivedAt = message.getHeaders().get(ExchangeHeaders.RECEIVED_AT, Instant.class);
			assertThat(receivedAt).isBetween(sent, listener.calledAt.get(0));
			assertThat(message.getHeaders().getId()).isNull();
			assertThat(context.getBean(RecordingObserver.class).errors).isEmpty();
		});
	}

	@Test
	void headerParametersReceiveTheExchangeTheReceiveTimeTheListenerIdAndAllHeadersBesideTheOutput() {
		this.contextRunner.withBean("headers", HeaderListener.class).run((context) -> {
			HeaderListener listener = context.getBean(HeaderListener.class);
			this.server.awaitReceived(1);
			Instant sent = Instant.now();
			this.server.sendText("a", "", "c");
			Feed.awaitSize(listener.texts, 3);
			Feed.awaitSize(listener.ids, 3);
			// an empty text is an output like any other, not a missing payload
			assertThat(listener.texts).containsExactly("a", "", "c");
			assertThat(listener.exchanges).containsExactly("feed", "feed", "feed");
			assertThat(listener.receivedAt).allSatisfy((instant) -> assertThat(instant).isAfterOrEqualTo(sent));
			assertThat(listener.unknown).containsExactly("none", "none", "none");
			assertThat(listener.ids).containsExactly("headers.withId|feed", "headers.withId|feed",
					"headers.withId|feed");
			assertThat(context.getBean(RecordingObserver.class).errors).isEmpty();
		});
	}

	@Test
	void errorHandlerReceivesTheFailedOutputAndTheErrorIsNotReported() {
		this.contextRunner.withBean("failing", FailingListener.class)
			.withBean("recordingErrorHandler", RecordingErrorHandler.class)
			.run((context) -> {
				FailingListener listener = context.getBean(FailingListener.class);
				RecordingErrorHandler errorHandler = context.getBean(RecordingErrorHandler.class);
				this.server.awaitReceived(1);
				this.server.sendText("1", "2", "3");
				// the error of "2" is handled before "3" is delivered
				Feed.awaitSize(listener.texts, 3);
				assertThat(listener.texts).containsExactly("1", "2", "3");
				assertThat(errorHandler.messages).extracting((message) -> (Object) message.getPayload())
					.containsExactly("2");
				assertThat(errorHandler.messages.get(0).getHeaders().get(ExchangeHeaders.EXCHANGE)).isEqualTo("feed");
				ListenerExecutionFailedException exception = errorHandler.exceptions.get(0);
				assertThat(exception.getListenerId()).isEqualTo("failing.on");
				assertThat(exception.getExchange()).isEqualTo("feed");
				assertThat(exception.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("failed on 2");
				assertThat(context.getBean(RecordingObserver.class).errors).isEmpty();
			});
	}

	@Test
	void errorHandlerThatThrowsIsReportedAsAListenerErrorWithTheListenerFailureSuppressed() {
		this.contextRunner.withBean("failing", FailingListener.class)
			.withBean("recordingErrorHandler", ExchangeListenerErrorHandler.class, () -> (message, exception) -> {
				throw new IllegalArgumentException("handler failed on " + message.getPayload());
			})
			.run((context) -> {
				FailingListener listener = context.getBean(FailingListener.class);
				this.server.awaitReceived(1);
				this.server.sendText("1", "2", "3");
				Feed.awaitSize(listener.texts, 3);
				List<ExchangeError> errors = context.getBean(RecordingObserver.class).errors;
				assertThat(errors).hasSize(1);
				ExchangeError error = errors.get(0);
				assertThat(error.exchange()).isEqualTo("feed");
				assertThat(error.kind()).isEqualTo(ErrorKind.LISTENER);
				assertThat(error.cause()).isInstanceOf(ListenerExecutionFailedException.class)
					.cause()
					.hasMessage("handler failed on 2");
				assertThat(error.cause().getCause().getSuppressed()).singleElement()
					.isInstanceOf(ListenerExecutionFailedException.class)
					.extracting(Throwable::getCause)
					.satisfies((cause) -> assertThat(cause).hasMessage("failed on 2"));
			});
	}

	@Test
	void exceptionOfAMessageListenerIsReportedWithWhatItThrewAsTheCause() {
		this.contextRunner.withBean("failingMessages", FailingMessageListener.class).run((context) -> {
			FailingMessageListener listener = context.getBean(FailingMessageListener.class);
			this.server.awaitReceived(1);
			this.server.sendText("1", "2");
			Feed.awaitSize(listener.texts, 2);
			List<ExchangeError> errors = context.getBean(RecordingObserver.class).errors;
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0).kind()).isEqualTo(ErrorKind.LISTENER);
			assertThat(errors.get(0).cause()).isInstanceOf(ListenerExecutionFailedException.class)
				.hasMessageStartingWith("Listener failingMessages.on of exchange 'feed' threw")
				.cause()
				.isInstanceOf(IllegalStateException.class)
				.hasMessage("failed on 1");
		});
	}

	static class RecordingObserver implements ExchangeStreamObserver {

		final List<ExchangeError> errors = new CopyOnWriteArrayList<>();

		@Override
		public void onError(ExchangeError error) {
			this.errors.add(error);
		}

	}

	static class MessageListener {

		final List<Message<String>> messages = new CopyOnWriteArrayList<>();

		final List<Instant> calledAt = new CopyOnWriteArrayList<>();

		@ExchangeListener("feed")
		void on(Message<String> message) {
			this.calledAt.add(Instant.now());
			this.messages.add(message);
		}

	}

	static class HeaderListener extends Recording {

		final List<String> exchanges = new CopyOnWriteArrayList<>();

		final List<Instant> receivedAt = new CopyOnWriteArrayList<>();

		final List<String> unknown = new CopyOnWriteArrayList<>();

		final List<String> ids = new CopyOnWriteArrayList<>();

		@ExchangeListener("feed")
		void on(@Payload String text, @Header(ExchangeHeaders.EXCHANGE) String exchange,
				@Header(ExchangeHeaders.RECEIVED_AT) Instant receivedAt,
				@Header(name = "unknown", required = false) @Nullable String unknown) {
			this.exchanges.add(exchange);
			this.receivedAt.add(receivedAt);
			this.unknown.add((unknown != null) ? unknown : "none");
			record(text);
		}

		@ExchangeListener("feed")
		void withId(String text, @Header(ExchangeHeaders.LISTENER_ID) String id, MessageHeaders headers) {
			this.ids.add(id + "|" + headers.get(ExchangeHeaders.EXCHANGE));
		}

	}

	static class FailingListener extends Recording {

		@ExchangeListener(value = "feed", errorHandler = "recordingErrorHandler")
		void on(String text) {
			record(text);
			if (text.equals("2")) {
				throw new IllegalStateException("failed on 2");
			}
		}

	}

	static class FailingMessageListener extends Recording {

		@ExchangeListener("feed")
		void on(Message<String> message) {
			record(message.getPayload());
			if (message.getPayload().equals("1")) {
				throw new IllegalStateException("failed on 1");
			}
		}

	}

	static class RecordingErrorHandler implements ExchangeListenerErrorHandler {

		final List<Message<?>> messages = new CopyOnWriteArrayList<>();

		final List<ListenerExecutionFailedException> exceptions = new CopyOnWriteArrayList<>();

		@Override
		public void handleError(Message<?> message, ListenerExecutionFailedException exception) {
			this.messages.add(message);
			this.exceptions.add(exception);
		}

	}

}
