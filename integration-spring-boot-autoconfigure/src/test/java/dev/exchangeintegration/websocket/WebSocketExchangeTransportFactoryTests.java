package dev.exchangeintegration.websocket;

import java.time.Duration;

import dev.exchangeintegration.autoconfigure.ExchangeDefaultsBindHandler;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;
import dev.exchangeintegration.websocket.WebSocketSettings.Heartbeat;
import dev.exchangeintegration.websocket.WebSocketSettings.SubscriptionAck;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

import static dev.exchangeintegration.test.ConfigurationFailures.assertInvalid;
import static dev.exchangeintegration.test.ConfigurationFailures.assertMutuallyExclusive;
import static dev.exchangeintegration.test.ConfigurationFailures.find;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WebSocketExchangeTransportFactory}: the settings of the
 * {@code websocket} protocol, at the exchange's own level, and their startup failures.
 */
class WebSocketExchangeTransportFactoryTests {

	// Port 9 (discard) is closed on loopback: streams that start fail to connect,
	// harmlessly.
	private static final String URL = "ws://127.0.0.1:9/ws";

	private static final String SECURE_URL = "wss://127.0.0.1:9/ws";

	private static final String BINANCE = "exchange-integration.exchanges.binance.";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(JacksonAutoConfiguration.class, ExchangeIntegrationAutoConfiguration.class));

	@Test
	void resilienceSettingsBindAtTheExchangeLevel() {
		MockEnvironment environment = new MockEnvironment().withProperty(BINANCE + "subscription-ack.id-pointer", "/id")
			.withProperty(BINANCE + "subscription-ack.pattern", "\"result\":null")
			.withProperty(BINANCE + "subscription-ack.rejection-pattern", "\"code\":-?\\d+")
			.withProperty(BINANCE + "subscription-ack.timeout", "4s")
			.withProperty(BINANCE + "heartbeat.interval", "20s")
			.withProperty(BINANCE + "heartbeat.message", "{\"op\":\"ping\"}")
			.withProperty(BINANCE + "heartbeat.pong-pattern", "\"op\":\"pong\"")
			.withProperty(BINANCE + "heartbeat.pong-timeout", "5s")
			.withProperty(BINANCE + "ssl.bundle", "private-ca");
		WebSocketSettings binance = ExchangeDefaultsBindHandler.bind(Binder.get(environment), "binance", "",
				new WebSocketSettings());
		SubscriptionAck ack = binance.getSubscriptionAck();
		assertThat(ack.getIdPointer()).isEqualTo("/id");
		assertThat(ack.getPattern()).isEqualTo("\"result\":null");
		assertThat(ack.getRejectionPattern()).isEqualTo("\"code\":-?\\d+");
		assertThat(ack.getTimeout()).isEqualTo(Duration.ofSeconds(4));
		Heartbeat heartbeat = binance.getHeartbeat();
		assertThat(heartbeat.getInterval()).isEqualTo(Duration.ofSeconds(20));
		assertThat(heartbeat.getMessage()).isEqualTo("{\"op\":\"ping\"}");
		assertThat(heartbeat.getPongPattern()).isEqualTo("\"op\":\"pong\"");
		assertThat(heartbeat.getPongTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(binance.getSsl().getBundle()).isEqualTo("private-ca");
	}

	@Test
	void resilienceSettingsDefaultsApply() {
		WebSocketSettings binance = ExchangeDefaultsBindHandler.bind(
				Binder.get(new MockEnvironment().withProperty(BINANCE + "url", URL)), "binance", "",
				new WebSocketSettings());
		SubscriptionAck ack = binance.getSubscriptionAck();
		assertThat(ack.getIdPointer()).isNull();
		assertThat(ack.getPattern()).isNull();
		assertThat(ack.getRejectionPattern()).isNull();
		assertThat(ack.getTimeout()).isEqualTo(Duration.ofSeconds(10));
		Heartbeat heartbeat = binance.getHeartbeat();
		assertThat(heartbeat.getInterval()).isNull();
		assertThat(heartbeat.getMessage()).isNull();
		assertThat(heartbeat.getPongPattern()).isNull();
		assertThat(heartbeat.getPongTimeout()).isNull();
		assertThat(binance.getSsl().getBundle()).isNull();
	}

	@Test
	void missingUrlFailsWithMessageNamingTheProperty() {
		this.contextRunner.withPropertyValues("exchange-integration.exchanges.binance.subscriptions[0]=x")
			.run((context) -> assertInvalid(context.getStartupFailure(), "exchange-integration.exchanges.binance.url",
					"Exchange 'binance' has no url."));
	}

	@Test
	void httpUrlFailsWithMessageNamingTheProperty() {
		this.contextRunner.withPropertyValues("exchange-integration.exchanges.binance.url=https://fapi.binance.com")
			.run((context) -> assertInvalid(context.getStartupFailure(), "exchange-integration.exchanges.binance.url",
					"Exchange 'binance' has url 'https://fapi.binance.com', whose scheme is not ws or wss."));
	}

	@Test
	void urlWithoutHostFailsWithMessageNamingTheProperty() {
		this.contextRunner.withPropertyValues("exchange-integration.exchanges.binance.url=ws://bad host/ws")
			.run((context) -> assertInvalid(context.getStartupFailure(), "exchange-integration.exchanges.binance.url",
					"Exchange 'binance' has url 'ws://bad%20host/ws', which names no host."));
	}

	@Test
	void urlOnlyInTheSharedDefaultsIsNamedThere() {
		this.contextRunner
			.withPropertyValues("exchange-integration.defaults.url=https://fapi.binance.com",
					"exchange-integration.exchanges.binance.subscriptions[0]=x")
			.run((context) -> assertInvalid(context.getStartupFailure(), "exchange-integration.defaults.url",
					"Exchange 'binance' has url 'https://fapi.binance.com', whose scheme is not ws or wss."));
	}

	@Test
	void unparseableMaxFrameSizeFailsWithBindErrorNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("exchange-integration.exchanges.binance.url=" + URL,
					"exchange-integration.exchanges.binance.max-frame-size=huge")
			.run((context) -> assertThat(
					find(context.getStartupFailure(), BindException.class).getProperty().getName().toString())
				.isEqualTo("exchange-integration.exchanges.binance.max-frame-size"));
	}

	@Test
	void emptySubscriptionAckIdPointerFailsWithMessageNamingTheProperty() {
		this.contextRunner
			.withPropertyValues(BINANCE + "url=" + URL, BINANCE + "subscriptions[0]={\"id\":1}",
					BINANCE + "subscription-ack.id-pointer=")
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.binance.subscription-ack.id-pointer",
					"Exchange 'binance' subscription-ack.id-pointer '' is not a JSON pointer to a field."));
	}

	@Test
	void subscriptionWithANullIdFailsWithMessageNamingTheSubscription() {
		this.contextRunner
			.withPropertyValues(BINANCE + "url=" + URL, BINANCE + "subscriptions[0]={\"id\":null}",
					BINANCE + "subscription-ack.id-pointer=/id")
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.binance.subscriptions[0]",
					"Exchange 'binance' subscriptions[0] has no non-null field at subscription-ack.id-pointer /id"));
	}

	@Test
	void subscriptionAckIdPointerWithPatternFailsWithMessageNamingTheProperty() {
		this.contextRunner
			.withPropertyValues(BINANCE + "url=" + URL, BINANCE + "subscriptions[0]={\"id\":1}",
					BINANCE + "subscription-ack.id-pointer=/id", BINANCE + "subscription-ack.pattern=result")
			.run((context) -> assertMutuallyExclusive(context.getStartupFailure(),
					"exchange-integration.exchanges.binance.subscription-ack.id-pointer",
					"exchange-integration.exchanges.binance.subscription-ack.pattern"));
	}

	@Test
	void subscriptionAckIdPointerThatIsNotAJsonPointerFailsWithMessageNamingTheProperty() {
		this.contextRunner.withPropertyValues(BINANCE + "url=" + URL, BINANCE + "subscription-ack.id-pointer=id")
			.run((context) -> {
				InvalidConfigurationPropertyValueException ex = assertInvalid(context.getStartupFailure(),
						"exchange-integration.exchanges.binance.subscription-ack.id-pointer",
						"Exchange 'binance' subscription-ack.id-pointer 'id' is not a JSON pointer to a field.");
				assertThat(ex.getReason()).endsWith("Use a JSON pointer such as /id.");
			});
	}

	@Test
	void subscriptionWithoutTheAcknowledgedIdFailsWithMessageNamingTheSubscription() {
		this.contextRunner.withPropertyValues(BINANCE + "url=" + URL, BINANCE + "subscriptions[0]={\"id\":1}",
				BINANCE + "subscriptions[1]={\"method\":\"SUBSCRIBE\"}", BINANCE + "subscription-ack.id-pointer=/id")
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.binance.subscriptions[1]",
					"Exchange 'binance' subscriptions[1] has no non-null field at subscription-ack.id-pointer /id: {\"method\":\"SUBSCRIBE\"}."));
	}

	@Test
	void subscriptionAckPatternThatIsNotARegularExpressionFailsWithMessageNamingTheProperty() {
		this.contextRunner.withPropertyValues(BINANCE + "url=" + URL, BINANCE + "subscription-ack.pattern=(")
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.binance.subscription-ack.pattern",
					"Exchange 'binance' subscription-ack.pattern '(' is not a regular expression: Unclosed group."));
	}

	@Test
	void subscriptionAckRejectionPatternThatIsNotARegularExpressionFailsWithMessageNamingTheProperty() {
		this.contextRunner
			.withPropertyValues(BINANCE + "url=" + URL, BINANCE + "subscription-ack.pattern=result",
					BINANCE + "subscription-ack.rejection-pattern=[")
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.binance.subscription-ack.rejection-pattern",
					"Exchange 'binance' subscription-ack.rejection-pattern '[' is not a regular expression: Unclosed character class."));
	}

	@Test
	void subscriptionAckRejectionPatternAloneFailsWithMessageNamingTheProperty() {
		this.contextRunner
			.withPropertyValues(BINANCE + "url=" + URL, BINANCE + "subscription-ack.rejection-pattern=error")
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.binance.subscription-ack.rejection-pattern",
					"Exchange 'binance' subscription-ack.rejection-pattern is set, but neither subscription-ack.id-pointer nor subscription-ack.pattern is."));
	}

	@Test
	void nonPositiveSubscriptionAckTimeoutFailsWithMessageNamingTheProperty() {
		this.contextRunner
			.withPropertyValues(BINANCE + "url=" + URL, BINANCE + "subscription-ack.pattern=result",
					BINANCE + "subscription-ack.timeout=0s")
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.binance.subscription-ack.timeout",
					"Exchange 'binance' subscription-ack.timeout is PT0S."));
	}

	@Test
	void heartbeatSettingsWithoutIntervalFailWithMessageNamingTheInterval() {
		this.contextRunner
			.withPropertyValues(BINANCE + "url=" + URL, BINANCE + "heartbeat.message=ping",
					BINANCE + "heartbeat.pong-pattern=pong")
			.run((context) -> {
				InvalidConfigurationPropertyValueException ex = assertInvalid(context.getStartupFailure(),
						"exchange-integration.exchanges.binance.heartbeat.interval",
						"Exchange 'binance' heartbeat.interval is not set, but other heartbeat settings are, so no ping would ever be sent.");
				assertThat(ex.getReason()).endsWith("Set heartbeat.interval, for example to 30s.");
			});
	}

	@Test
	void heartbeatMessageAndPongTimeoutWithoutPongPatternFailWithMessageNamingThePongPattern() {
		this.contextRunner
			.withPropertyValues(BINANCE + "url=" + URL, BINANCE + "heartbeat.interval=30s",
					BINANCE + "heartbeat.message=ping", BINANCE + "heartbeat.pong-timeout=10s")
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.binance.heartbeat.pong-pattern",
					"Exchange 'binance' heartbeat.pong-pattern is not set, but heartbeat.message and heartbeat.pong-timeout are, so no pong could be recognised."));
	}

	@Test
	void heartbeatPongPatternThatIsNotARegularExpressionFailsWithMessageNamingTheProperty() {
		this.contextRunner
			.withPropertyValues(BINANCE + "url=" + URL, BINANCE + "heartbeat.interval=30s",
					BINANCE + "heartbeat.message=ping", BINANCE + "heartbeat.pong-pattern=*pong")
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.binance.heartbeat.pong-pattern",
					"Exchange 'binance' heartbeat.pong-pattern '*pong' is not a regular expression: Dangling meta character '*'."));
	}

	@Test
	void nonPositiveHeartbeatIntervalFailsWithMessageNamingTheProperty() {
		this.contextRunner.withPropertyValues(BINANCE + "url=" + URL, BINANCE + "heartbeat.interval=0s")
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.binance.heartbeat.interval",
					"Exchange 'binance' heartbeat.interval is PT0S."));
	}

	@Test
	void nonPositiveHeartbeatPongTimeoutFailsWithMessageNamingTheProperty() {
		this.contextRunner
			.withPropertyValues(BINANCE + "url=" + URL, BINANCE + "heartbeat.interval=30s",
					BINANCE + "heartbeat.pong-timeout=0s")
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.binance.heartbeat.pong-timeout",
					"Exchange 'binance' heartbeat.pong-timeout is PT0S."));
	}

	@Test
	void unknownSslBundleFailsWithMessageNamingTheProperty() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
			.withPropertyValues(BINANCE + "url=" + SECURE_URL, BINANCE + "ssl.bundle=missing")
			.run((context) -> {
				InvalidConfigurationPropertyValueException ex = assertInvalid(context.getStartupFailure(),
						"exchange-integration.exchanges.binance.ssl.bundle", "SSL bundle 'missing' does not exist.");
				assertThat(ex).hasCauseInstanceOf(NoSuchSslBundleException.class);
				assertThat(ex.getReason()).endsWith("Define it under spring.ssl.bundle.pem.missing or"
						+ " spring.ssl.bundle.jks.missing, or fix exchange-integration.exchanges.binance.ssl.bundle.");
			});
	}

	@Test
	void sslBundleWithWsUrlFailsWithMessageNamingTheProperty() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
			.withPropertyValues("spring.ssl.bundle.pem.test.truststore.certificate=classpath:autoconfigure/test-ca.crt",
					BINANCE + "url=" + URL, BINANCE + "ssl.bundle=test")
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.binance.ssl.bundle",
					"Exchange 'binance' names SSL bundle 'test' but its url is not wss://."));
	}

	@Test
	void existingPemSslBundleIsAccepted() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
			.withPropertyValues("spring.ssl.bundle.pem.test.truststore.certificate=classpath:autoconfigure/test-ca.crt",
					BINANCE + "url=" + SECURE_URL, BINANCE + "ssl.bundle=test")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasBean("binance.exchangeStream");
			});
	}

}
