package dev.exchangeintegration.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.exchangeintegration.annotation.ExchangeListener;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Exchange;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Reconnect;
import dev.exchangeintegration.core.ExchangeStream;
import dev.exchangeintegration.core.OverflowPolicy;
import dev.exchangeintegration.core.Transformer;
import dev.exchangeintegration.rest.autoconfigure.RestClientAutoConfiguration;
import dev.exchangeintegration.test.CapturingWebSocketTransportFactory;
import dev.exchangeintegration.test.Volume;
import dev.exchangeintegration.test.VolumeConfiguration;
import dev.exchangeintegration.websocket.WebSocketExchangeTransportFactory;
import dev.exchangeintegration.websocket.WebSocketSettings;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.util.unit.DataSize;

import static dev.exchangeintegration.test.ConfigurationFailures.assertInvalid;
import static dev.exchangeintegration.test.ConfigurationFailures.assertMutuallyExclusive;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ExchangeIntegrationAutoConfiguration}: binding with shared defaults,
 * bean registration, the settings every protocol shares, and their startup failures. The
 * WebSocket settings are tested with {@link WebSocketExchangeTransportFactory}.
 */
class ExchangeIntegrationAutoConfigurationTests {

	// Port 9 (discard) is closed on loopback: streams that start fail to connect,
	// harmlessly.
	private static final String URL = "ws://127.0.0.1:9/ws";

	private static final String BINANCE = "exchange-integration.exchanges.binance.";

	private final CapturingWebSocketTransportFactory webSockets = new CapturingWebSocketTransportFactory();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(JacksonAutoConfiguration.class, ExchangeIntegrationAutoConfiguration.class));

	@Test
	void propertiesBind() {
		this.contextRunner.withBean(WebSocketExchangeTransportFactory.class, () -> this.webSockets)
			.withPropertyValues("exchange-integration.shutdown-timeout=2s",
					"exchange-integration.exchanges.binance.url=wss://fstream.binance.com/ws",
					"exchange-integration.exchanges.binance.protocol=websocket",
					"exchange-integration.exchanges.binance.subscriptions[0]={\"id\":1}",
					"exchange-integration.exchanges.binance.subscriptions[1]={\"id\":2}",
					"exchange-integration.exchanges.binance.message-type=java.lang.String",
					"exchange-integration.exchanges.binance.parser=text",
					"exchange-integration.exchanges.binance.max-frame-size=16MB",
					"exchange-integration.exchanges.binance.buffer-size=64")
			.run((context) -> {
				ExchangeIntegrationProperties properties = context.getBean(ExchangeIntegrationProperties.class);
				assertThat(properties.getShutdownTimeout()).isEqualTo(Duration.ofSeconds(2));
				Exchange binance = properties.getExchanges().get("binance");
				assertThat(binance.getProtocol()).isEqualTo("websocket");
				assertThat(binance.getMessageType()).isEqualTo("java.lang.String");
				assertThat(binance.getParser()).isEqualTo("text");
				assertThat(binance.getBufferSize()).isEqualTo(64);
				assertThat(binance.isEnabled()).isTrue();
				WebSocketSettings webSocket = this.webSockets.defined().get("binance");
				assertThat(webSocket.getUrl()).isEqualTo(URI.create("wss://fstream.binance.com/ws"));
				assertThat(webSocket.getSubscriptions()).containsExactly("{\"id\":1}", "{\"id\":2}");
				assertThat(webSocket.getMaxFrameSize()).isEqualTo(DataSize.ofMegabytes(16));
			});
	}

	@Test
	void defaultsApply() {
		this.contextRunner.withBean(WebSocketExchangeTransportFactory.class, () -> this.webSockets)
			.withPropertyValues("exchange-integration.exchanges.binance.url=" + URL)
			.run((context) -> {
				ExchangeIntegrationProperties properties = context.getBean(ExchangeIntegrationProperties.class);
				assertThat(properties.getShutdownTimeout()).isEqualTo(Duration.ofSeconds(5));
				Exchange binance = properties.getExchanges().get("binance");
				assertThat(binance.getProtocol()).isEqualTo("websocket");
				assertThat(binance.getParser()).isEqualTo("json");
				assertThat(binance.getBufferSize()).isEqualTo(8192);
				assertThat(binance.isEnabled()).isTrue();
				WebSocketSettings webSocket = this.webSockets.defined().get("binance");
				assertThat(webSocket.getSubscriptions()).isEmpty();
				assertThat(webSocket.getMaxFrameSize()).isEqualTo(DataSize.ofMegabytes(4));
			});
	}

	@Test
	void resiliencePropertiesBind() {
		this.contextRunner
			.withPropertyValues(BINANCE + "url=" + URL, BINANCE + "enabled=false", BINANCE + "overflow=drop-latest",
					BINANCE + "connect-timeout=3s", BINANCE + "stale-timeout=1m", BINANCE + "reconnect.enabled=false",
					BINANCE + "reconnect.initial-backoff=250ms", BINANCE + "reconnect.max-backoff=1m",
					BINANCE + "reconnect.multiplier=1.5", BINANCE + "reconnect.jitter=0.25",
					BINANCE + "reconnect.max-attempts=7")
			.run((context) -> {
				Exchange binance = context.getBean(ExchangeIntegrationProperties.class).getExchanges().get("binance");
				assertThat(binance.isEnabled()).isFalse();
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
			});
	}

	@Test
	void overflowBindsEveryPolicy() {
		this.contextRunner.withPropertyValues("exchange-integration.exchanges.a.url=" + URL,
				"exchange-integration.exchanges.a.overflow=drop-oldest", "exchange-integration.exchanges.b.url=" + URL,
				"exchange-integration.exchanges.b.overflow=drop-latest", "exchange-integration.exchanges.c.url=" + URL,
				"exchange-integration.exchanges.c.overflow=error", "exchange-integration.exchanges.d.url=" + URL,
				"exchange-integration.exchanges.d.overflow=backpressure")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Map<String, Exchange> exchanges = context.getBean(ExchangeIntegrationProperties.class).getExchanges();
				assertThat(exchanges.get("a").getOverflow()).isEqualTo(OverflowPolicy.DROP_OLDEST);
				assertThat(exchanges.get("b").getOverflow()).isEqualTo(OverflowPolicy.DROP_LATEST);
				assertThat(exchanges.get("c").getOverflow()).isEqualTo(OverflowPolicy.ERROR);
				assertThat(exchanges.get("d").getOverflow()).isEqualTo(OverflowPolicy.BACKPRESSURE);
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
			ExchangeDefinition definition = context.getBean(ExchangeDefinitions.class).find("binance").orElseThrow();
			assertThat(definition.stream().overflow()).isEqualTo(OverflowPolicy.BACKPRESSURE);
			assertThat(definition.stream().reconnect().maxAttempts()).isEqualTo(Long.MAX_VALUE);
		});
	}

	@Test
	void sharedDefaultsApplyToEveryExchangeAndAnExchangeSettingWins() {
		this.contextRunner.withBean(WebSocketExchangeTransportFactory.class, () -> this.webSockets)
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
				assertThat(this.webSockets.defined()).containsOnlyKeys("binance-futures", "okx");
				ExchangeDefinitions definitions = context.getBean(ExchangeDefinitions.class);
				assertThat(definitions.find("binance-futures").orElseThrow().stream().bufferSize()).isEqualTo(32);
				assertThat(definitions.find("okx").orElseThrow().stream().bufferSize()).isEqualTo(16);
				WebSocketSettings binance = this.webSockets.defined().get("binance-futures");
				assertThat(binance.getMaxFrameSize()).isEqualTo(DataSize.ofMegabytes(2));
				assertThat(binance.getSubscriptions()).containsExactly("shared");
				WebSocketSettings okx = this.webSockets.defined().get("okx");
				assertThat(okx.getSubscriptions()).containsExactly("own");
			});
	}

	@Test
	void injectablePropertiesShowEachExchangeWithTheSharedDefaultsMergedIn() {
		this.contextRunner
			.withPropertyValues("exchange-integration.defaults.buffer-size=16",
					"exchange-integration.defaults.reconnect.initial-backoff=1s",
					"exchange-integration.defaults.overflow=drop-latest", "exchange-integration.exchanges.a.url=" + URL,
					"exchange-integration.exchanges.a.buffer-size=32",
					"exchange-integration.exchanges.a.reconnect.max-backoff=5s",
					"exchange-integration.exchanges.b.url=" + URL)
			.run((context) -> {
				ExchangeIntegrationProperties properties = context.getBean(ExchangeIntegrationProperties.class);
				Exchange a = properties.getExchanges().get("a");
				assertThat(a.getBufferSize()).isEqualTo(32);
				assertThat(a.getOverflow()).isEqualTo(OverflowPolicy.DROP_LATEST);
				assertThat(a.getReconnect().getInitialBackoff()).isEqualTo(Duration.ofSeconds(1));
				assertThat(a.getReconnect().getMaxBackoff()).isEqualTo(Duration.ofSeconds(5));
				Exchange b = properties.getExchanges().get("b");
				assertThat(b.getBufferSize()).isEqualTo(16);
				assertThat(b.getOverflow()).isEqualTo(OverflowPolicy.DROP_LATEST);
				assertThat(b.getReconnect().getInitialBackoff()).isEqualTo(Duration.ofSeconds(1));
				assertThat(b.getReconnect().getMaxBackoff()).isEqualTo(Duration.ofSeconds(30));
				assertThat(properties.getDefaults().getBufferSize()).isEqualTo(16);
			});
	}

	@Test
	void sharedNestedDefaultsMergeWithAnExchangeOwnNestedSettings() {
		this.contextRunner.withBean(WebSocketExchangeTransportFactory.class, () -> this.webSockets)
			.withPropertyValues("exchange-integration.defaults.reconnect.initial-backoff=1s",
					"exchange-integration.defaults.heartbeat.interval=30s",
					"exchange-integration.exchanges.a.url=" + URL,
					"exchange-integration.exchanges.a.reconnect.max-backoff=5s",
					"exchange-integration.exchanges.a.heartbeat.message=ping",
					"exchange-integration.exchanges.b.url=" + URL)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(this.webSockets.defined()).containsOnlyKeys("a", "b");
				ExchangeDefinitions definitions = context.getBean(ExchangeDefinitions.class);
				StreamSpec a = definitions.find("a").orElseThrow().stream();
				assertThat(a.reconnect().initialBackoff()).isEqualTo(Duration.ofSeconds(1));
				assertThat(a.reconnect().maxBackoff()).isEqualTo(Duration.ofSeconds(5));
				assertThat(this.webSockets.defined().get("a").getHeartbeat().getInterval())
					.isEqualTo(Duration.ofSeconds(30));
				assertThat(this.webSockets.defined().get("a").getHeartbeat().getMessage()).isEqualTo("ping");
				StreamSpec b = definitions.find("b").orElseThrow().stream();
				assertThat(b.reconnect().initialBackoff()).isEqualTo(Duration.ofSeconds(1));
				assertThat(b.reconnect().maxBackoff()).isEqualTo(Duration.ofSeconds(30));
				assertThat(this.webSockets.defined().get("b").getHeartbeat().getInterval())
					.isEqualTo(Duration.ofSeconds(30));
				assertThat(this.webSockets.defined().get("b").getHeartbeat().getMessage()).isNull();
			});
	}

	@Test
	void sharedDefaultCanDisableEveryExchangeButOneThatEnablesItself() {
		this.contextRunner.withBean(WebSocketExchangeTransportFactory.class, () -> this.webSockets)
			.withPropertyValues("exchange-integration.defaults.enabled=false",
					"exchange-integration.exchanges.binance.url=" + URL,
					"exchange-integration.exchanges.okx.url=" + URL, "exchange-integration.exchanges.okx.enabled=true")
			.run((context) -> {
				assertThat(this.webSockets.defined()).containsOnlyKeys("okx");
				assertThat(context).doesNotHaveBean("binance.exchangeStream").hasBean("okx.exchangeStream");
				assertThat(context.getBean(ExchangeDefinitions.class).disabled()).containsExactly("binance");
			});
	}

	@Test
	void badSharedDefaultFailsNamingTheDefaultsProperty() {
		this.contextRunner
			.withPropertyValues("exchange-integration.defaults.reconnect.jitter=1.5",
					"exchange-integration.exchanges.binance.url=" + URL)
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"exchange-integration.defaults.reconnect.jitter", "Exchange 'binance' reconnect.jitter is 1.5."));
	}

	@Test
	void unknownProtocolFailsNamingThePropertyAndListingTheProtocols() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(CodecsAutoConfiguration.class, HttpClientAutoConfiguration.class,
					ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
					RestClientAutoConfiguration.class))
			.withPropertyValues(BINANCE + "url=" + URL, BINANCE + "protocol=fix")
			.run((context) -> {
				InvalidConfigurationPropertyValueException ex = assertInvalid(context.getStartupFailure(),
						"exchange-integration.exchanges.binance.protocol",
						"Exchange 'binance' has protocol 'fix', for which no transport is available.");
				assertThat(ex.getValue()).isEqualTo("fix");
				assertThat(ex.getReason()).endsWith(
						"Use one of [websocket, rest-poll], or define an ExchangeTransportFactory bean whose protocol is 'fix'.");
			});
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
				ExchangeDefinition definition = context.getBean(ExchangeDefinitions.class)
					.find("binance")
					.orElseThrow();
				assertThat(definition.outputType().resolve()).isEqualTo(Volume.class);
				assertThat(definition.streamBeanName()).isEqualTo("binance.exchangeStream");
			});
	}

	@Test
	void registersStreamAndFluxWithFactoryMethodsAndNoInstanceSupplier() {
		this.contextRunner.withUserConfiguration(VolumeConfiguration.class)
			.withPropertyValues("exchange-integration.exchanges.binance.url=" + URL,
					"exchange-integration.exchanges.binance.transformer=volumeTransformer")
			.run((context) -> {
				var stream = (org.springframework.beans.factory.support.AbstractBeanDefinition) context.getBeanFactory()
					.getBeanDefinition("binance.exchangeStream");
				assertThat(stream.getFactoryBeanName()).isEqualTo("exchangeStreamFactory");
				assertThat(stream.getFactoryMethodName()).isEqualTo("create");
				assertThat(stream.getConstructorArgumentValues().getIndexedArgumentValue(0, String.class).getValue())
					.isEqualTo("binance");
				assertThat(stream.getInstanceSupplier()).isNull();
				var flux = (org.springframework.beans.factory.support.AbstractBeanDefinition) context.getBeanFactory()
					.getBeanDefinition("binance.flux");
				assertThat(flux.getFactoryBeanName()).isEqualTo("binance.exchangeStream");
				assertThat(flux.getFactoryMethodName()).isEqualTo("flux");
				assertThat(flux.getInstanceSupplier()).isNull();
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
	void unknownTransformerFailsWithMessageNamingThePropertyAndTheCandidates() {
		this.contextRunner.withUserConfiguration(VolumeConfiguration.class)
			.withPropertyValues("exchange-integration.exchanges.binance.url=" + URL,
					"exchange-integration.exchanges.binance.transformer=volumeTransfomer")
			.run((context) -> {
				InvalidConfigurationPropertyValueException ex = assertInvalid(context.getStartupFailure(),
						"exchange-integration.exchanges.binance.transformer",
						"No Transformer bean named 'volumeTransfomer'.");
				assertThat(ex.getReason()).contains("[volumeTransformer]");
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
				InvalidConfigurationPropertyValueException ex = assertInvalid(context.getStartupFailure(),
						"exchange-integration.exchanges.binance.transformer",
						"Cannot resolve the input and output types of Transformer bean 'rawTransformer'");
				assertThat(ex.getReason()).contains("Transformer<MyMessage, MyOutput>");
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
			.run((context) -> assertMutuallyExclusive(context.getStartupFailure(),
					"exchange-integration.exchanges.binance.transformer",
					"exchange-integration.exchanges.binance.message-type"));
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
				InvalidConfigurationPropertyValueException ex = assertInvalid(context.getStartupFailure(),
						"exchange-integration.exchanges.binance.reconnect.max-backoff",
						"Exchange 'binance' reconnect.max-backoff is PT1S, less than initial-backoff PT2S.");
				assertThat(ex.getReason()).endsWith("Set it at least as long as initial-backoff.");
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
				InvalidConfigurationPropertyValueException ex = assertInvalid(context.getStartupFailure(),
						"exchange-integration.exchanges.binance.reconnect.jitter",
						"Exchange 'binance' reconnect.jitter is 1.5.");
				assertThat(ex.getReason()).endsWith("Set it between 0 and 1.");
				assertThat(ex.getValue()).isEqualTo(1.5);
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
	void nonPositiveStaleTimeoutFailsWithMessageNamingTheProperty() {
		this.contextRunner.withPropertyValues(BINANCE + "url=" + URL, BINANCE + "stale-timeout=0s").run((context) -> {
			InvalidConfigurationPropertyValueException ex = assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.binance.stale-timeout",
					"Exchange 'binance' stale-timeout is PT0S.");
			assertThat(ex.getReason()).endsWith("Set a positive duration, for example 10s.");
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
	void userTransportFactoryAndStreamFactoryReplaceDefaults() {
		WebSocketExchangeTransportFactory transports = new WebSocketExchangeTransportFactory(List.of());
		this.contextRunner.withBean(WebSocketExchangeTransportFactory.class, () -> transports)
			.withBean(ExchangeSchedulers.class, ExchangeSchedulers::new)
			.run((context) -> {
				assertThat(context).getBean(WebSocketExchangeTransportFactory.class).isSameAs(transports);
				assertThat(context).hasSingleBean(ExchangeSchedulers.class);
			});
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
