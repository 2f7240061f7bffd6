package dev.exchangeintegration.logging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;
import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.core.Excerpts;
import dev.exchangeintegration.event.ExchangeErrorEvent;
import dev.exchangeintegration.event.ExchangeErrorPublisher;
import dev.exchangeintegration.test.Recorder;
import dev.exchangeintegration.test.TestWebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An exchange cannot forge log lines or write terminal escapes: frames, close reasons and
 * messages are escaped in logs and events, and every line about a stream carries the
 * exchange in the MDC.
 */
class ExchangeLogForgingTests {

	private static final String FORGED_TEXT = "{\"e\":\"aggTrade\",\"q\":\r\nFORGED-LOG-LINE ERROR root -- pwned";

	private static final byte[] ESCAPE_BINARY = "\u001b[2J\u001b[31mFORGED\u0007".getBytes(StandardCharsets.UTF_8);

	private final TestWebSocketServer server = new TestWebSocketServer();

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private final Logger logger = (Logger) LoggerFactory.getLogger(ExchangeErrorPublisher.class);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(JacksonAutoConfiguration.class, ExchangeIntegrationAutoConfiguration.class))
		.withPropertyValues("exchange-integration.exchanges.binance.url=" + this.server.url(),
				"exchange-integration.exchanges.binance.reconnect.initial-backoff=50ms")
		.withBean(Recorder.class);

	@BeforeEach
	void captureLogs() {
		// another test's application may have left the level higher
		this.logger.setLevel(Level.INFO);
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	@AfterEach
	void stop() {
		this.logger.detachAppender(this.appender);
		this.logger.setLevel(null);
		this.server.close();
	}

	@Test
	void framesAndCloseReasonsAreEscapedInLogsAndEventsWithTheExchangeInTheMdc() {
		this.contextRunner.run((context) -> {
			Recorder recorder = context.getBean(Recorder.class);
			this.server.awaitConnections(1);
			this.server.sendText(FORGED_TEXT);
			this.server.sendBinary(ESCAPE_BINARY);
			await().atMost(Duration.ofSeconds(10)).until(() -> recorder.errors(ErrorKind.PARSE).size() == 2);
			this.server.close(4000, "bye\r\nFORGED-LOG-LINE ERROR close \u001b[0m");
			recorder.awaitError((event) -> event.getKind() == ErrorKind.CLOSED);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> messages().stream().filter((message) -> message.contains("FORGED")).count() >= 4);
			List<ExchangeErrorEvent> parseErrors = recorder.errors(ErrorKind.PARSE);
			assertThat(parseErrors.get(0).getExcerpt())
				.isEqualTo("{\"e\":\"aggTrade\",\"q\":\\r\\nFORGED-LOG-LINE ERROR root -- pwned");
			assertThat(parseErrors.get(1).getExcerpt()).isEqualTo("\\u001b[2J\\u001b[31mFORGED\\u0007");
			ExchangeErrorEvent closed = recorder.errors(ErrorKind.CLOSED).get(0);
			assertThat(closed.getError().getMessage()).contains("bye\\r\\nFORGED-LOG-LINE ERROR close \\u001b[0m")
				.doesNotContain("\r", "\n", "\u001b");
			assertThat(messages()).allSatisfy((message) -> assertThat(message).doesNotContain("\r", "\n", "\u001b")
				.satisfies((text) -> assertThat(text.chars().noneMatch((c) -> c < 0x20)).isTrue()));
			assertThat(messages()).anySatisfy((message) -> assertThat(message)
				.contains("[payload: {\"e\":\"aggTrade\",\"q\":\\r\\nFORGED-LOG-LINE ERROR root -- pwned]"));
			assertThat(messages())
				.anySatisfy((message) -> assertThat(message).contains("[payload: \\u001b[2J\\u001b[31mFORGED\\u0007]"));
			assertThat(this.appender.list).isNotEmpty()
				.allSatisfy((event) -> assertThat(event.getMDCPropertyMap()).containsEntry("exchange", "binance"));
		});
	}

	@Test
	void escapedTextIsBounded() {
		String escaped = Excerpts.escape("\n".repeat(10_000));
		assertThat(escaped).startsWith("\\n\\n").endsWith("... (10000 chars)");
		assertThat(escaped.length()).isLessThan(Excerpts.MAX_TEXT_LENGTH + 32);
		assertThat(Excerpts.of("\r".repeat(1000), 1000)).endsWith("... (1000 bytes)").doesNotContain("\r");
	}

	private List<String> messages() {
		return this.appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
	}

}
