package dev.exchangeintegration.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.exchangeintegration.annotation.ExchangeListener;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Exchange;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Protocol;
import dev.exchangeintegration.core.ExchangeStream;
import dev.exchangeintegration.core.ExchangeStreamObserver;
import dev.exchangeintegration.core.Transformer;
import dev.exchangeintegration.core.Transport;
import dev.exchangeintegration.event.ExchangeErrorPublisher;
import dev.exchangeintegration.test.BinanceMessage;
import dev.exchangeintegration.test.Volume;
import dev.exchangeintegration.test.VolumeTransformer;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
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

	private static InvalidExchangeConfigurationException assertInvalid(Throwable failure, String property,
			String description) {
		assertThat(failure).isInstanceOf(InvalidExchangeConfigurationException.class);
		InvalidExchangeConfigurationException ex = (InvalidExchangeConfigurationException) failure;
		assertThat(ex.getProperty()).isEqualTo(property);
		assertThat(ex.getMessage()).startsWith("Invalid property '" + property + "': " + description);
		return ex;
	}

	@Configuration(proxyBeanMethods = false)
	static class VolumeConfiguration {

		@Bean
		Transformer<BinanceMessage, Volume> volumeTransformer() {
			return new VolumeTransformer();
		}

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
