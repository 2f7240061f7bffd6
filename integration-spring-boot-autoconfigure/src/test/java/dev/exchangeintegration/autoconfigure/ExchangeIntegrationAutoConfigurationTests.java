package dev.exchangeintegration.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.exchangeintegration.annotation.ExchangeListener;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Exchange;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Heartbeat;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Protocol;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Reconnect;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.SubscriptionAck;
import dev.exchangeintegration.core.ExchangeStream;
import dev.exchangeintegration.core.ExchangeStreamObserver;
import dev.exchangeintegration.core.OverflowPolicy;
import dev.exchangeintegration.core.Transformer;
import dev.exchangeintegration.core.Transport;
import dev.exchangeintegration.event.ExchangeErrorPublisher;
import dev.exchangeintegration.test.Volume;
import dev.exchangeintegration.test.VolumeConfiguration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ExchangeIntegrationAutoConfiguration}.
 */
class ExchangeIntegrationAutoConfigurationTests {

	// Port 9 (discard) is closed on loopback: streams that start fail to connect,
	// harmlessly.
	private static final String URL = "ws://127.0.0.1:9/ws";

	private static final String SECURE_URL = "wss://127.0.0.1:9/ws";

	private static final String BINANCE = "exchange-integration.exchanges.binance.";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(JacksonAutoConfiguration.class, ExchangeIntegrationAutoConfiguration.class));

	@Test
	void propertiesBind() {
		this.contextRunner
			.withPropertyValues("exchange-integration.shutdown-timeout=2s",
					"exchange-integration.exchanges.binance.url=wss://fstream.binance.com/ws",
					"exchange-integration.exchanges.binance.protocol=websocket",
					"exchange-integration.exchanges.binance.subscriptions[0]={\"id\":1}",
					"exchange-integration.exchanges.binance.subscriptions[1]={\"id\":2}",
					"exchange-integration.exchanges.binance.message-type=java.lang.String",
					"exchange-integration.exchanges.binance.max-frame-size=16MB",
					"exchange-integration.exchanges.binance.buffer-size=64",
					"exchange-integration.exchanges.binance.enabled=false")
			.run((context) -> {
				ExchangeIntegrationProperties properties = context.getBean(ExchangeIntegrationProperties.class);
				assertThat(properties.getShutdownTimeout()).isEqualTo(Duration.ofSeconds(2));
				Exchange binance = properties.getExchanges().get("binance");
				assertThat(binance.getUrl()).isEqualTo(URI.create("wss://fstream.binance.com/ws"));
				assertThat(binance.getProtocol()).isEqualTo(Protocol.WEBSOCKET);
				assertThat(binance.getSubscriptions()).containsExactly("{\"id\":1}", "{\"id\":2}");
				assertThat(binance.getMessageType()).isEqualTo("java.lang.String");
				assertThat(binance.getMaxFrameSize()).isEqualTo(DataSize.ofMegabytes(16));
				assertThat(binance.getBufferSize()).isEqualTo(64);
				assertThat(binance.isEnabled()).isFalse();
			});
	}

	@Test
	void defaultsApply() {
		this.contextRunner.withPropertyValues("exchange-integration.exchanges.binance.url=" + URL).run((context) -> {
			ExchangeIntegrationProperties properties = context.getBean(ExchangeIntegrationProperties.class);
			assertThat(properties.getShutdownTimeout()).isEqualTo(Duration.ofSeconds(5));
			Exchange binance = properties.getExchanges().get("binance");
			assertThat(binance.getProtocol()).isEqualTo(Protocol.WEBSOCKET);
			assertThat(binance.getSubscriptions()).isEmpty();
			assertThat(binance.getMaxFrameSize()).isEqualTo(DataSize.ofMegabytes(4));
			assertThat(binance.getBufferSize()).isEqualTo(8192);
			assertThat(binance.isEnabled()).isTrue();
		});
	}

	@Test
	void resiliencePropertiesBind() {
		this.contextRunner
			.withPropertyValues(BINANCE + "url=" + URL, BINANCE + "enabled=false", BINANCE + "overflow=drop-latest",
					BINANCE + "connect-timeout=3s", BINANCE + "stale-timeout=1m", BINANCE + "reconnect.enabled=false",
					BINANCE + "reconnect.initial-backoff=250ms", BINANCE + "reconnect.max-backoff=1m",
					BINANCE + "reconnect.multiplier=1.5", BINANCE + "reconnect.jitter=0.25",
					BINANCE + "reconnect.max-attempts=7", BINANCE + "subscription-ack.id-pointer=/id",
					BINANCE + "subscription-ack.pattern=\"result\":null",
					BINANCE + "subscription-ack.rejection-pattern=\"code\":-?\\d+",
					BINANCE + "subscription-ack.timeout=4s", BINANCE + "heartbeat.interval=20s",
					BINANCE + "heartbeat.message={\"op\":\"ping\"}", BINANCE + "heartbeat.pong-pattern=\"op\":\"pong\"",
					BINANCE + "heartbeat.pong-timeout=5s", BINANCE + "ssl.bundle=private-ca")
			.run((context) -> {
				Exchange binance = context.getBean(ExchangeIntegrationProperties.class).getExchanges().get("binance");
				assertThat(binance.getOverflow()).isEqualTo(OverflowPolicy.DROP_LATEST);
				assertThat(binance.getConnectTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(binance.getStaleTimeout()).isEqualTo(Duration.ofMinutes(1));
				Reconnect reconnect = binance.getReconnect();
				assertThat(reconnect.isEnabled()).isFalse();
				assertThat(reconnect.getInitialBackoff()).isEqualTo(Duration.ofMillis(250));
				assertThat(reconnect.getMaxBackoff()).isEqualTo(Duration.ofMinutes(1));
				assertThat(reconnect.getMultiplier()).isEqualTo(1.5);
				assertThat(reconnect.getJitter()).isEqualTo(0.25);
				assertThat(reconnect.getMaxAttempts()).isEqualTo(7L);
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
			});
	}

	@Test
	void overflowBindsEveryPolicy() {
		this.contextRunner.withPropertyValues("exchange-integration.exchanges.a.url=" + URL,
				"exchange-integration.exchanges.a.overflow=drop-oldest", "exchange-integration.exchanges.b.url=" + URL,
				"exchange-integration.exchanges.b.overflow=drop-latest", "exchange-integration.exchanges.c.url=" + URL,
				"exchange-integration.exchanges.c.overflow=error")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Map<String, Exchange> exchanges = context.getBean(ExchangeIntegrationProperties.class).getExchanges();
				assertThat(exchanges.get("a").getOverflow()).isEqualTo(OverflowPolicy.DROP_OLDEST);
				assertThat(exchanges.get("b").getOverflow()).isEqualTo(OverflowPolicy.DROP_LATEST);
				assertThat(exchanges.get("c").getOverflow()).isEqualTo(OverflowPolicy.ERROR);
			});
	}

	@Test
	void resilienceDefaultsApply() {
		this.contextRunner.withPropertyValues(BINANCE + "url=" + URL).run((context) -> {
			assertThat(context).hasNotFailed();
			Exchange binance = context.getBean(ExchangeIntegrationProperties.class).getExchanges().get("binance");
			assertThat(binance.getOverflow()).isEqualTo(OverflowPolicy.BACKPRESSURE);
			assertThat(binance.getConnectTimeout()).isEqualTo(Duration.ofSeconds(10));
			assertThat(binance.getStaleTimeout()).isNull();
			Reconnect reconnect = binance.getReconnect();
			assertThat(reconnect.isEnabled()).isTrue();
			assertThat(reconnect.getInitialBackoff()).isEqualTo(Duration.ofMillis(500));
			assertThat(reconnect.getMaxBackoff()).isEqualTo(Duration.ofSeconds(30));
			assertThat(reconnect.getMultiplier()).isEqualTo(2.0);
			assertThat(reconnect.getJitter()).isEqualTo(0.5);
			assertThat(reconnect.getMaxAttempts()).isNull();
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
		});
	}

	@Test
	void sharedDefaultsApplyToEveryExchangeAndAnExchangeSettingWins() {
		Map<String, Exchange> created = new ConcurrentHashMap<>();
		this.contextRunner
			.withBean("capturingTransportFactory", ExchangeTransportFactory.class,
					() -> capturingTransportFactory(created))
			.withPropertyValues("exchange-integration.defaults.buffer-size=16",
					"exchange-integration.defaults.max-frame-size=2MB",
					"exchange-integration.defaults.subscriptions[0]=shared",
					"exchange-integration.exchanges.binance-futures.url=" + URL,
					"exchange-integration.exchanges.binance-futures.buffer-size=32",
					"exchange-integration.exchanges.okx.url=" + URL,
					"exchange-integration.exchanges.okx.subscriptions[0]=own",
					"exchange-integration.exchanges.bybit.url=" + URL,
					"exchange-integration.exchanges.bybit.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(created).containsOnlyKeys("binance-futures", "okx");
				Exchange binance = created.get("binance-futures");
				assertThat(binance.getBufferSize()).isEqualTo(32);
				assertThat(binance.getMaxFrameSize()).isEqualTo(DataSize.ofMegabytes(2));
				assertThat(binance.getSubscriptions()).containsExactly("shared");
				Exchange okx = created.get("okx");
				assertThat(okx.getBufferSize()).isEqualTo(16);
				assertThat(okx.getSubscriptions()).containsExactly("own");
			});
	}

	@Test
	void sharedNestedDefaultsMergeWithAnExchangeOwnNestedSettings() {
		Map<String, Exchange> created = new ConcurrentHashMap<>();
		this.contextRunner
			.withBean("capturingTransportFactory", ExchangeTransportFactory.class,
					() -> capturingTransportFactory(created))
			.withPropertyValues("exchange-integration.defaults.reconnect.initial-backoff=1s",
					"exchange-integration.defaults.heartbeat.interval=30s",
					"exchange-integration.exchanges.a.url=" + URL,
					"exchange-integration.exchanges.a.reconnect.max-backoff=5s",
					"exchange-integration.exchanges.a.heartbeat.message=ping",
					"exchange-integration.exchanges.b.url=" + URL)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(created).containsOnlyKeys("a", "b");
				Exchange a = created.get("a");
				assertThat(a.getReconnect().getInitialBackoff()).isEqualTo(Duration.ofSeconds(1));
				assertThat(a.getReconnect().getMaxBackoff()).isEqualTo(Duration.ofSeconds(5));
				assertThat(a.getHeartbeat().getInterval()).isEqualTo(Duration.ofSeconds(30));
				assertThat(a.getHeartbeat().getMessage()).isEqualTo("ping");
				Exchange b = created.get("b");
				assertThat(b.getReconnect().getInitialBackoff()).isEqualTo(Duration.ofSeconds(1));
				assertThat(b.getReconnect().getMaxBackoff()).isEqualTo(Duration.ofSeconds(30));
				assertThat(b.getHeartbeat().getInterval()).isEqualTo(Duration.ofSeconds(30));
				assertThat(b.getHeartbeat().getMessage()).isNull();
			});
	}

	@Test
	void sharedDefaultCanDisableEveryExchangeButOneThatEnablesItself() {
		Map<String, Exchange> created = new ConcurrentHashMap<>();
		this.contextRunner
			.withBean("capturingTransportFactory", ExchangeTransportFactory.class,
					() -> capturingTransportFactory(created))
			.withPropertyValues("exchange-integration.defaults.enabled=false",
					"exchange-integration.exchanges.binance.url=" + URL,
					"exchange-integration.exchanges.okx.url=" + URL, "exchange-integration.exchanges.okx.enabled=true")
			.run((context) -> {
				assertThat(created).containsOnlyKeys("okx");
				assertThat(context).doesNotHaveBean("binance.exchangeStream").hasBean("okx.exchangeStream");
			});
	}

	private static ExchangeTransportFactory capturingTransportFactory(Map<String, Exchange> created) {
		return new ExchangeTransportFactory() {

			@Override
			public boolean supports(Protocol protocol) {
				return true;
			}

			@Override
			public Transport create(String name, Exchange exchange) {
				created.put(name, exchange);
				return (handler) -> Mono.never();
			}

		};
	}

	@Test
	void registersQualifiedStreamAndFluxTypedWithTheTransformerOutput() {
		this.contextRunner.withUserConfiguration(VolumeConfiguration.class)
			.withPropertyValues("exchange-integration.exchanges.binance.url=" + URL,
					"exchange-integration.exchanges.binance.transformer=volumeTransformer")
			.run((context) -> {
				assertThat(context.getBeanNamesForType(ResolvableType.forClassWithGenerics(Flux.class, Volume.class)))
					.containsExactly("binance.flux");
				assertThat(context
					.getBeanNamesForType(ResolvableType.forClassWithGenerics(ExchangeStream.class, Volume.class)))
					.containsExactly("binance.exchangeStream");
				assertThat(context.getBean("binance.exchangeStream", ExchangeStream.class).name()).isEqualTo("binance");
			});
	}

	@Test
	void outputIsJsonNodeWithoutTransformerOrMessageType() {
		this.contextRunner.withPropertyValues("exchange-integration.exchanges.raw.url=" + URL)
			.run((context) -> assertThat(
					context.getBeanNamesForType(ResolvableType.forClassWithGenerics(Flux.class, JsonNode.class)))
				.containsExactly("raw.flux"));
	}

	@Test
	void disabledExchangeRegistersNoBeansAndItsListenersAreSkipped() {
		this.contextRunner.withUserConfiguration(ListenerConfiguration.class)
			.withPropertyValues("exchange-integration.exchanges.binance.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean("binance.exchangeStream");
				assertThat(context).doesNotHaveBean("binance.flux");
			});
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
	void unparseableMaxFrameSizeFailsWithBindErrorNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("exchange-integration.exchanges.binance.url=" + URL,
					"exchange-integration.exchanges.binance.max-frame-size=huge")
			.run((context) -> {
				assertThat(context.getStartupFailure()).isInstanceOf(BindException.class);
				assertThat(((BindException) context.getStartupFailure()).getProperty().getName().toString())
					.isEqualTo("exchange-integration.exchanges.binance.max-frame-size");
			});
	}

	@Test
	void unknownTransformerFailsWithMessageNamingThePropertyAndTheCandidates() {
		this.contextRunner.withUserConfiguration(VolumeConfiguration.class)
			.withPropertyValues("exchange-integration.exchanges.binance.url=" + URL,
					"exchange-integration.exchanges.binance.transformer=volumeTransfomer")
			.run((context) -> {
				InvalidExchangeConfigurationException ex = assertInvalid(context.getStartupFailure(),
						"exchange-integration.exchanges.binance.transformer",
						"No Transformer bean named 'volumeTransfomer'.");
				assertThat(ex.getAction()).contains("[volumeTransformer]");
			});
	}

	@Test
	void beanThatIsNotATransformerFailsWithMessageNamingTheProperty() {
		this.contextRunner.withBean("notATransformer", String.class, () -> "x")
			.withPropertyValues("exchange-integration.exchanges.binance.url=" + URL,
					"exchange-integration.exchanges.binance.transformer=notATransformer")
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.binance.transformer",
					"Bean 'notATransformer' is not a Transformer but a class java.lang.String."));
	}

	@Test
	void rawLambdaTransformerFailsWithMessageSayingHowToFixIt() {
		this.contextRunner.withUserConfiguration(RawTransformerConfiguration.class)
			.withPropertyValues("exchange-integration.exchanges.binance.url=" + URL,
					"exchange-integration.exchanges.binance.transformer=rawTransformer")
			.run((context) -> {
				InvalidExchangeConfigurationException ex = assertInvalid(context.getStartupFailure(),
						"exchange-integration.exchanges.binance.transformer",
						"Cannot resolve the input and output types of Transformer bean 'rawTransformer'");
				assertThat(ex.getAction()).contains("Transformer<MyMessage, MyOutput>");
			});
	}

	@Test
	void unknownMessageTypeFailsWithMessageNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("exchange-integration.exchanges.binance.url=" + URL,
					"exchange-integration.exchanges.binance.message-type=com.example.Missing")
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.binance.message-type",
					"Class 'com.example.Missing' cannot be loaded"));
	}

	@Test
	void transformerWithMessageTypeFailsWithMessageNamingTheProperty() {
		this.contextRunner.withUserConfiguration(VolumeConfiguration.class)
			.withPropertyValues("exchange-integration.exchanges.binance.url=" + URL,
					"exchange-integration.exchanges.binance.transformer=volumeTransformer",
					"exchange-integration.exchanges.binance.message-type=java.lang.String")
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.binance.message-type",
					"Exchange 'binance' sets both a transformer and a message-type."));
	}

	@Test
	void nonPositiveBufferSizeFailsWithMessageNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("exchange-integration.exchanges.binance.url=" + URL,
					"exchange-integration.exchanges.binance.buffer-size=0")
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.binance.buffer-size", "Exchange 'binance' has buffer-size 0."));
	}

	@Test
	void reconnectMaxBackoffBelowInitialBackoffFailsWithMessageNamingTheProperty() {
		this.contextRunner
			.withPropertyValues(BINANCE + "url=" + URL, BINANCE + "reconnect.initial-backoff=2s",
					BINANCE + "reconnect.max-backoff=1s")
			.run((context) -> {
				InvalidExchangeConfigurationException ex = assertInvalid(context.getStartupFailure(),
						"exchange-integration.exchanges.binance.reconnect.max-backoff",
						"Exchange 'binance' reconnect.max-backoff is PT1S, less than initial-backoff PT2S.");
				assertThat(ex.getAction()).isEqualTo("Set it at least as long as initial-backoff.");
			});
	}

	@Test
	void negativeReconnectInitialBackoffFailsWithMessageNamingTheProperty() {
		this.contextRunner.withPropertyValues(BINANCE + "url=" + URL, BINANCE + "reconnect.initial-backoff=-1s")
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.binance.reconnect.initial-backoff",
					"Exchange 'binance' reconnect.initial-backoff is PT-1S."));
	}

	@Test
	void zeroReconnectInitialBackoffFailsBecauseTheBackoffCouldNeverGrow() {
		this.contextRunner.withPropertyValues(BINANCE + "url=" + URL, BINANCE + "reconnect.initial-backoff=0s")
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.binance.reconnect.initial-backoff",
					"Exchange 'binance' reconnect.initial-backoff is PT0S."));
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
	void reconnectMultiplierBelowOneFailsWithMessageNamingTheProperty() {
		this.contextRunner.withPropertyValues(BINANCE + "url=" + URL, BINANCE + "reconnect.multiplier=0.5")
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.binance.reconnect.multiplier",
					"Exchange 'binance' reconnect.multiplier is 0.5."));
	}

	@Test
	void reconnectJitterAboveOneFailsWithMessageNamingTheProperty() {
		this.contextRunner.withPropertyValues(BINANCE + "url=" + URL, BINANCE + "reconnect.jitter=1.5")
			.run((context) -> {
				InvalidExchangeConfigurationException ex = assertInvalid(context.getStartupFailure(),
						"exchange-integration.exchanges.binance.reconnect.jitter",
						"Exchange 'binance' reconnect.jitter is 1.5.");
				assertThat(ex.getAction()).isEqualTo("Set it between 0 and 1.");
			});
	}

	@Test
	void negativeReconnectMaxAttemptsFailsWithMessageNamingTheProperty() {
		this.contextRunner.withPropertyValues(BINANCE + "url=" + URL, BINANCE + "reconnect.max-attempts=-1")
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.binance.reconnect.max-attempts",
					"Exchange 'binance' reconnect.max-attempts is -1."));
	}

	@Test
	void subscriptionAckIdPointerWithPatternFailsWithMessageNamingTheProperty() {
		this.contextRunner
			.withPropertyValues(BINANCE + "url=" + URL, BINANCE + "subscriptions[0]={\"id\":1}",
					BINANCE + "subscription-ack.id-pointer=/id", BINANCE + "subscription-ack.pattern=result")
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.binance.subscription-ack.pattern",
					"Exchange 'binance' subscription-ack.pattern is set together with subscription-ack.id-pointer."));
	}

	@Test
	void subscriptionAckIdPointerThatIsNotAJsonPointerFailsWithMessageNamingTheProperty() {
		this.contextRunner.withPropertyValues(BINANCE + "url=" + URL, BINANCE + "subscription-ack.id-pointer=id")
			.run((context) -> {
				InvalidExchangeConfigurationException ex = assertInvalid(context.getStartupFailure(),
						"exchange-integration.exchanges.binance.subscription-ack.id-pointer",
						"Exchange 'binance' subscription-ack.id-pointer 'id' is not a JSON pointer to a field.");
				assertThat(ex.getAction()).isEqualTo("Use a JSON pointer such as /id.");
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
				InvalidExchangeConfigurationException ex = assertInvalid(context.getStartupFailure(),
						"exchange-integration.exchanges.binance.heartbeat.interval",
						"Exchange 'binance' heartbeat.interval is not set, but other heartbeat settings are, so no ping would ever be sent.");
				assertThat(ex.getAction()).isEqualTo("Set heartbeat.interval, for example to 30s.");
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
	void nonPositiveStaleTimeoutFailsWithMessageNamingTheProperty() {
		this.contextRunner.withPropertyValues(BINANCE + "url=" + URL, BINANCE + "stale-timeout=0s").run((context) -> {
			InvalidExchangeConfigurationException ex = assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.binance.stale-timeout",
					"Exchange 'binance' stale-timeout is PT0S.");
			assertThat(ex.getAction()).isEqualTo("Set a positive duration, for example 10s.");
		});
	}

	@Test
	void nonPositiveConnectTimeoutFailsWithMessageNamingTheProperty() {
		this.contextRunner.withPropertyValues(BINANCE + "url=" + URL, BINANCE + "connect-timeout=0s")
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.binance.connect-timeout",
					"Exchange 'binance' connect-timeout is PT0S."));
	}

	@Test
	void unknownSslBundleFailsWithMessageNamingTheProperty() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
			.withPropertyValues(BINANCE + "url=" + SECURE_URL, BINANCE + "ssl.bundle=missing")
			.run((context) -> {
				InvalidExchangeConfigurationException ex = assertInvalid(
						invalidConfiguration(context.getStartupFailure()),
						"exchange-integration.exchanges.binance.ssl.bundle", "SSL bundle 'missing' does not exist.");
				assertThat(ex).hasCauseInstanceOf(NoSuchSslBundleException.class);
				assertThat(ex.getAction()).isEqualTo("Define it under spring.ssl.bundle.pem.missing or"
						+ " spring.ssl.bundle.jks.missing, or fix exchange-integration.exchanges.binance.ssl.bundle.");
			});
	}

	@Test
	void sslBundleWithWsUrlFailsWithMessageNamingTheProperty() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
			.withPropertyValues("spring.ssl.bundle.pem.test.truststore.certificate=classpath:autoconfigure/test-ca.crt",
					BINANCE + "url=" + URL, BINANCE + "ssl.bundle=test")
			.run((context) -> assertInvalid(invalidConfiguration(context.getStartupFailure()),
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

	@Test
	void listenerOfUnknownExchangeFailsNamingIt() {
		this.contextRunner.withUserConfiguration(ListenerConfiguration.class)
			.withPropertyValues("exchange-integration.exchanges.other.url=" + URL)
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("@ExchangeListener(\"binance\")")
				.hasMessageContaining("exchange-integration.exchanges.binance.url"));
	}

	@Test
	void listenerWhoseParameterDoesNotFitTheOutputFailsNamingBoth() {
		this.contextRunner.withUserConfiguration(ListenerConfiguration.class)
			.withPropertyValues("exchange-integration.exchanges.binance.url=" + URL,
					"exchange-integration.exchanges.binance.message-type=java.lang.String")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("takes " + Volume.class.getName())
				.hasMessageContaining("exchange 'binance' emits java.lang.String"));
	}

	@Test
	void listenerWithTwoParametersFails() {
		this.contextRunner.withUserConfiguration(TwoParameterListenerConfiguration.class)
			.withPropertyValues("exchange-integration.exchanges.binance.url=" + URL)
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(BeanInitializationException.class)
				.hasMessageContaining("must take exactly one parameter"));
	}

	@Test
	void userObserverReplacesEventPublisher() {
		this.contextRunner.withBean(ExchangeStreamObserver.class, () -> ExchangeStreamObserver.NONE).run((context) -> {
			assertThat(context).doesNotHaveBean(ExchangeErrorPublisher.class);
			assertThat(context).getBean(ExchangeStreamObserver.class).isSameAs(ExchangeStreamObserver.NONE);
		});
	}

	@Test
	void userTransportFactoryAndStreamFactoryReplaceDefaults() {
		WebSocketExchangeTransportFactory transports = new WebSocketExchangeTransportFactory(java.util.List.of());
		this.contextRunner.withBean(WebSocketExchangeTransportFactory.class, () -> transports)
			.withBean(ExchangeSchedulers.class, ExchangeSchedulers::new)
			.run((context) -> {
				assertThat(context).getBean(WebSocketExchangeTransportFactory.class).isSameAs(transports);
				assertThat(context).hasSingleBean(ExchangeSchedulers.class);
			});
	}

	@Test
	void failureAnalyzerNamesThePropertyAndTheFix() {
		InvalidExchangeConfigurationException ex = new InvalidExchangeConfigurationException(
				"exchange-integration.exchanges.x.url", "Exchange 'x' has no url.", "Set it.");
		FailureAnalysis analysis = new InvalidExchangeConfigurationFailureAnalyzer().analyze(ex);
		assertThat(analysis.getDescription())
			.isEqualTo("Invalid property 'exchange-integration.exchanges.x.url': Exchange 'x' has no url.");
		assertThat(analysis.getAction()).isEqualTo("Set it.");
	}

	@Test
	void failureAnalyzerNamesANestedPropertyAndTheFix() {
		this.contextRunner.withPropertyValues(BINANCE + "url=" + URL, BINANCE + "reconnect.jitter=1.5")
			.run((context) -> {
				FailureAnalysis analysis = new InvalidExchangeConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription())
					.isEqualTo("Invalid property 'exchange-integration.exchanges.binance.reconnect.jitter':"
							+ " Exchange 'binance' reconnect.jitter is 1.5.");
				assertThat(analysis.getAction()).isEqualTo("Set it between 0 and 1.");
			});
	}

	private static InvalidExchangeConfigurationException assertInvalid(Throwable failure, String property,
			String description) {
		assertThat(failure).isInstanceOf(InvalidExchangeConfigurationException.class);
		InvalidExchangeConfigurationException ex = (InvalidExchangeConfigurationException) failure;
		assertThat(ex.getProperty()).isEqualTo(property);
		assertThat(ex.getMessage()).startsWith("Invalid property '" + property + "': " + description);
		return ex;
	}

	private static Throwable invalidConfiguration(Throwable failure) {
		// Failures raised while the stream beans are created arrive wrapped in bean
		// creation exceptions; the invalid configuration is the innermost cause of its
		// type, which may itself have a cause.
		Throwable candidate = failure;
		while (candidate != null && !(candidate instanceof InvalidExchangeConfigurationException)) {
			candidate = candidate.getCause();
		}
		return (candidate != null) ? candidate : failure;
	}

	@Configuration(proxyBeanMethods = false)
	static class RawTransformerConfiguration {

		@Bean
		@SuppressWarnings({ "rawtypes", "unchecked" })
		Transformer rawTransformer() {
			return (input, out) -> out.accept(input);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ListenerConfiguration {

		@Bean
		VolumeListener volumeListener() {
			return new VolumeListener();
		}

	}

	static class VolumeListener {

		@ExchangeListener("binance")
		void on(Volume volume) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoParameterListenerConfiguration {

		@Bean
		TwoParameterListener twoParameterListener() {
			return new TwoParameterListener();
		}

	}

	static class TwoParameterListener {

		@ExchangeListener("binance")
		void on(JsonNode node, String extra) {
		}

	}

}
