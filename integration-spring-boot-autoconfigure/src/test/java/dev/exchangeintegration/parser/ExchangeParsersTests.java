package dev.exchangeintegration.parser;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.google.protobuf.Timestamp;
import dev.exchangeintegration.annotation.ExchangeListener;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;
import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.core.ProtocolParser;
import dev.exchangeintegration.core.Transformer;
import dev.exchangeintegration.core.UnexpectedFrameException;
import dev.exchangeintegration.test.BinanceMessage;
import dev.exchangeintegration.test.Recorder;
import dev.exchangeintegration.test.TestWebSocketServer;
import dev.exchangeintegration.test.VolumeConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static dev.exchangeintegration.test.ConfigurationFailures.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Parsers chosen per exchange with {@code parser}: the {@code text}, {@code bytes} and
 * {@code protobuf} formats and a {@code ProtocolParser} bean, end to end through a
 * WebSocket server on loopback, and the startup failures of a parser whose output does
 * not fit.
 */
class ExchangeParsersTests {

	private static final String FEED = "exchange-integration.exchanges.feed.";

	private final TestWebSocketServer server = new TestWebSocketServer();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(JacksonAutoConfiguration.class, ExchangeIntegrationAutoConfiguration.class))
		.withPropertyValues(FEED + "url=" + this.server.url())
		.withBean(Recorder.class);

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void textParserDeliversEachTextFrameAsAStringAndReportsBinaryFrames() {
		this.contextRunner.withPropertyValues(FEED + "parser=text").withBean(StringListener.class).run((context) -> {
			this.server.awaitConnections(1);
			this.server.sendText("{\"a\":1}", "plain");
			this.server.sendBinary(new byte[] { 1, 2 });
			this.server.sendText("héllo");
			StringListener listener = context.getBean(StringListener.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> listener.received.size() >= 3);
			assertThat(listener.received).containsExactly("{\"a\":1}", "plain", "héllo");
			assertThat(context.getBean(Recorder.class).awaitError(0).getError())
				.isInstanceOf(UnexpectedFrameException.class);
		});
	}

	@Test
	void bytesParserDeliversThePayloadOfTextAndBinaryFrames() {
		this.contextRunner.withPropertyValues(FEED + "parser=bytes").withBean(BytesListener.class).run((context) -> {
			this.server.awaitConnections(1);
			this.server.sendBinary(new byte[] { 0, 1, (byte) 0xFF });
			this.server.sendText("ok");
			BytesListener listener = context.getBean(BytesListener.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> listener.received.size() >= 2);
			assertThat(listener.received.get(0)).containsExactly(0, 1, 0xFF);
			assertThat(listener.received.get(1)).containsExactly('o', 'k');
		});
	}

	@Test
	void protobufParserParsesBinaryFramesIntoTheMessageType() {
		this.contextRunner
			.withPropertyValues(FEED + "parser=protobuf", FEED + "message-type=" + Timestamp.class.getName())
			.withBean(TimestampListener.class)
			.run((context) -> {
				this.server.awaitConnections(1);
				Timestamp first = Timestamp.newBuilder().setSeconds(1_626_992_741).setNanos(5).build();
				Timestamp second = Timestamp.newBuilder().setSeconds(1_626_992_742).build();
				this.server.sendBinary(first.toByteArray());
				this.server.sendBinary(new byte[] { (byte) 0xFF, (byte) 0xFF });
				this.server.sendBinary(second.toByteArray());
				TimestampListener listener = context.getBean(TimestampListener.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> listener.received.size() >= 2);
				assertThat(listener.received).containsExactly(first, second);
				assertThat(context.getBean(Recorder.class).awaitError(0).getKind()).isEqualTo(ErrorKind.PARSE);
			});
	}

	@Test
	void protobufParserParsesIntoTheTransformerInputType() {
		this.contextRunner.withPropertyValues(FEED + "parser=protobuf", FEED + "transformer=secondsTransformer")
			.withUserConfiguration(SecondsConfiguration.class)
			.run((context) -> {
				this.server.awaitConnections(1);
				this.server.sendBinary(Timestamp.newBuilder().setSeconds(42).build().toByteArray());
				SecondsListener listener = context.getBean(SecondsListener.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> listener.received.size() >= 1);
				assertThat(listener.received).containsExactly(42L);
			});
	}

	@Test
	void protocolParserBeanParsesForTheTransformer() {
		this.contextRunner.withPropertyValues(FEED + "parser=upperCaseParser", FEED + "transformer=lengthTransformer")
			.withUserConfiguration(UpperCaseConfiguration.class)
			.run((context) -> {
				this.server.awaitConnections(1);
				this.server.sendText("abc", "de");
				UpperCaseConfiguration configuration = context.getBean(UpperCaseConfiguration.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> configuration.received.size() >= 2);
				assertThat(configuration.received).containsExactly("ABC:3", "DE:2");
			});
	}

	@Test
	void protocolParserBeanWhoseOutputDoesNotFitTheTransformerFailsNamingBothTypes() {
		this.contextRunner.withPropertyValues(FEED + "parser=upperCaseParser", FEED + "transformer=volumeTransformer")
			.withUserConfiguration(UpperCaseConfiguration.class, VolumeConfiguration.class)
			.run((context) -> {
				InvalidConfigurationPropertyValueException ex = assertInvalid(context.getStartupFailure(),
						"exchange-integration.exchanges.feed.parser",
						"Exchange 'feed' parses with 'upperCaseParser' into java.lang.String, which is not assignable"
								+ " to its input type " + BinanceMessage.class.getName() + ".");
				assertThat(ex.getValue()).isEqualTo("upperCaseParser");
			});
	}

	@Test
	void textParserWithATransformerOfAnotherInputTypeFailsNamingBothTypes() {
		this.contextRunner.withPropertyValues(FEED + "parser=text", FEED + "transformer=volumeTransformer")
			.withUserConfiguration(VolumeConfiguration.class)
			.run((context) -> assertInvalid(context.getStartupFailure(), "exchange-integration.exchanges.feed.parser",
					"Exchange 'feed' parses with 'text' into java.lang.String, which is not assignable to its input type "
							+ BinanceMessage.class.getName() + "."));
	}

	@Test
	void protobufParserIntoAClassThatIsNotAMessageFailsNamingIt() {
		this.contextRunner.withPropertyValues(FEED + "parser=protobuf", FEED + "message-type=java.lang.String")
			.run((context) -> assertInvalid(context.getStartupFailure(), "exchange-integration.exchanges.feed.parser",
					"Exchange 'feed' parses with 'protobuf' into java.lang.String, which is not a generated protobuf"
							+ " message class."));
	}

	@Test
	void protobufParserWithoutMessageTypeOrTransformerFailsNamingTheMessageType() {
		this.contextRunner.withPropertyValues(FEED + "parser=protobuf")
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.feed.message-type",
					"Exchange 'feed' has neither a transformer nor a message-type, and its parser 'protobuf' has no type of its own."));
	}

	@Test
	void unknownParserFailsListingTheFormats() {
		this.contextRunner.withPropertyValues(FEED + "parser=xml", FEED + "message-type=java.lang.String")
			.run((context) -> {
				InvalidConfigurationPropertyValueException ex = assertInvalid(context.getStartupFailure(),
						"exchange-integration.exchanges.feed.parser",
						"Exchange 'feed' has parser 'xml', which is neither a format nor a ProtocolParser bean.");
				assertThat(ex.getReason()).contains("Use one of [")
					.contains("json")
					.contains("text")
					.contains("bytes")
					.contains("protobuf");
			});
	}

	static class StringListener {

		final List<String> received = new CopyOnWriteArrayList<>();

		@ExchangeListener("feed")
		void on(String text) {
			this.received.add(text);
		}

	}

	static class BytesListener {

		final List<byte[]> received = new CopyOnWriteArrayList<>();

		@ExchangeListener("feed")
		void on(byte[] bytes) {
			this.received.add(bytes);
		}

	}

	static class TimestampListener {

		final List<Timestamp> received = new CopyOnWriteArrayList<>();

		@ExchangeListener("feed")
		void on(Timestamp timestamp) {
			this.received.add(timestamp);
		}

	}

	static class SecondsListener {

		final List<Long> received = new CopyOnWriteArrayList<>();

		@ExchangeListener("feed")
		void on(Long seconds) {
			this.received.add(seconds);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SecondsConfiguration {

		@Bean
		Transformer<Timestamp, Long> secondsTransformer() {
			return (timestamp, out) -> out.accept(timestamp.getSeconds());
		}

		@Bean
		SecondsListener secondsListener() {
			return new SecondsListener();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UpperCaseConfiguration {

		final List<String> received = new CopyOnWriteArrayList<>();

		@Bean
		ProtocolParser<String> upperCaseParser() {
			return (frame) -> frame.toText().toUpperCase();
		}

		@Bean
		Transformer<CharSequence, String> lengthTransformer() {
			return new LengthTransformer();
		}

		@ExchangeListener("feed")
		void on(String text) {
			this.received.add(text);
		}

	}

	static class LengthTransformer implements Transformer<CharSequence, String> {

		@Override
		public void transform(CharSequence text, Consumer<? super String> out) {
			out.accept(text + ":" + text.length());
		}

	}

}
