package dev.exchangeintegration.listener;

import java.time.Instant;

import dev.exchangeintegration.annotation.ExchangeListener;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Payload;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Listener methods that cannot work fail the startup with a message naming the method and
 * the exchange.
 */
class ExchangeListenerStartupFailureTests {

	// Port 9 (discard) is closed on loopback: the stream fails to connect, harmlessly.
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(JacksonAutoConfiguration.class, ExchangeIntegrationAutoConfiguration.class))
		.withPropertyValues("exchange-integration.exchanges.feed.url=ws://127.0.0.1:9/ws",
				"exchange-integration.exchanges.feed.message-type=java.lang.String");

	@Test
	void twoParametersForTheOutputFailNamingTheMethodAndTheExchange() {
		this.contextRunner.withBean(TwoOutputs.class)
			.run((context) -> assertFailure(context, BeanInitializationException.class, TwoOutputs.class,
					"must take exactly one parameter for the output or a Message of it, besides @Header parameters,"
							+ " but takes 2: [java.lang.String, java.lang.String]"));
	}

	@Test
	void onlyHeaderParametersFail() {
		this.contextRunner.withBean(NoOutput.class)
			.run((context) -> assertFailure(context, BeanInitializationException.class, NoOutput.class,
					"must take exactly one parameter for the output or a Message of it, besides @Header parameters,"
							+ " but takes none"));
	}

	@Test
	void requiredHeaderNamingNoKnownHeaderFailsListingTheKnownOnes() {
		this.contextRunner.withBean(UnknownHeader.class)
			.run((context) -> assertFailure(context, BeanInitializationException.class, UnknownHeader.class,
					"has @Header(\"exchange_recievedAt\") on parameter 1, which names no known header; name one of"
							+ " [exchange_fixMsgSeqNum, exchange_fixMsgType, exchange_listenerId, exchange_name, exchange_receivedAt,"
							+ " kafka_offset, kafka_receivedMessageKey, kafka_receivedPartitionId, kafka_receivedTimestamp, kafka_receivedTopic] (constants of"
							+ " dev.exchangeintegration.messaging.ExchangeHeaders), or set required = false"));
	}

	@Test
	void payloadTypeTheOutputIsNotAssignableToFailsNamingBoth() {
		this.contextRunner.withBean(WrongPayload.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("@ExchangeListener method " + WrongPayload.class.getName()
						+ ".on takes java.lang.Integer but exchange 'feed' emits java.lang.String"));
	}

	@Test
	void messagePayloadTypeTheOutputIsNotAssignableToFailsNamingBoth() {
		this.contextRunner.withBean(WrongMessage.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("@ExchangeListener method " + WrongMessage.class.getName()
						+ ".on takes Message<java.time.Instant> but exchange 'feed' emits java.lang.String"));
	}

	@Test
	void duplicateIdsFailNamingBothMethods() {
		this.contextRunner.withBean(DuplicateIds.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("@ExchangeListener methods " + DuplicateIds.class.getName() + ".")
				.hasMessageContaining(DuplicateIds.class.getName() + ".first")
				.hasMessageContaining(DuplicateIds.class.getName() + ".second")
				.hasMessageContaining("both have id 'same'"));
	}

	@Test
	void unknownOverflowPolicyFailsListingThePolicies() {
		this.contextRunner.withBean(UnknownOverflow.class)
			.run((context) -> assertFailure(context, BeanInitializationException.class, UnknownOverflow.class,
					"has overflow \"sometimes\"; use one of [backpressure, drop-oldest, drop-latest, error]"));
	}

	@Test
	void overflowOfADirectListenerFails() {
		this.contextRunner.withBean(DirectWithOverflow.class)
			.run((context) -> assertFailure(context, BeanInitializationException.class, DirectWithOverflow.class,
					"has overflow \"drop-oldest\", but it is direct: it has no buffer to overflow; remove one of the two"));
	}

	@Test
	void autoStartupThatIsNotABooleanFails() {
		this.contextRunner.withBean(BadAutoStartup.class)
			.run((context) -> assertFailure(context, BeanInitializationException.class, BadAutoStartup.class,
					"has autoStartup \"maybe\"; use \"true\" or \"false\""));
	}

	@Test
	void errorHandlerNamingNoBeanFails() {
		this.contextRunner.withBean(MissingErrorHandler.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageStartingWith("@ExchangeListener method " + MissingErrorHandler.class.getName()
						+ ".on of exchange 'feed' names errorHandler 'missing', but there is no"
						+ " ExchangeListenerErrorHandler bean of that name"));
	}

	@Test
	void optionalHeaderMayNameAnythingAndTheOverflowAnyPolicyInAnyCase() {
		this.contextRunner.withBean(Acceptable.class).run((context) -> assertThat(context).hasNotFailed());
	}

	private static void assertFailure(AssertableApplicationContext context, Class<? extends Throwable> type,
			Class<?> listener, String problem) {
		assertThat(context).getFailure()
			.rootCause()
			.isInstanceOf(type)
			.hasMessage("@ExchangeListener method " + listener.getName() + ".on of exchange 'feed' " + problem);
	}

	static class TwoOutputs {

		@ExchangeListener("feed")
		void on(String text, String other) {
		}

	}

	static class NoOutput {

		@ExchangeListener("feed")
		void on(@Header("exchange_name") String exchange) {
		}

	}

	static class UnknownHeader {

		@ExchangeListener("feed")
		void on(String text, @Header("exchange_recievedAt") Instant receivedAt) {
		}

	}

	static class WrongPayload {

		@ExchangeListener("feed")
		void on(@Payload Integer number, @Header("exchange_name") String exchange) {
		}

	}

	static class WrongMessage {

		@ExchangeListener("feed")
		void on(Message<Instant> message) {
		}

	}

	static class DuplicateIds {

		@ExchangeListener(value = "feed", id = "same")
		void first(String text) {
		}

		@ExchangeListener(value = "feed", id = "same")
		void second(String text) {
		}

	}

	static class UnknownOverflow {

		@ExchangeListener(value = "feed", overflow = "sometimes")
		void on(String text) {
		}

	}

	static class DirectWithOverflow {

		@ExchangeListener(value = "feed", direct = true, overflow = "drop-oldest")
		void on(String text) {
		}

	}

	static class BadAutoStartup {

		@ExchangeListener(value = "feed", autoStartup = "maybe")
		void on(String text) {
		}

	}

	static class MissingErrorHandler {

		@ExchangeListener(value = "feed", errorHandler = "missing")
		void on(String text) {
		}

	}

	static class Acceptable {

		@ExchangeListener(value = "feed", overflow = "Drop-Latest")
		void on(String text, @Header(name = "anything", required = false) String anything) {
		}

		@ExchangeListener(value = "feed", overflow = "ERROR")
		void message(Message<?> message) {
		}

		@ExchangeListener(value = "feed", overflow = "backpressure")
		void object(Object output) {
		}

	}

}
