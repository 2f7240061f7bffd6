package dev.exchangeintegration.aot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.stream.Collectors;

import com.google.protobuf.Timestamp;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;
import dev.exchangeintegration.rest.autoconfigure.RestClientAutoConfiguration;
import dev.exchangeintegration.rest.poll.RestPollSettings;
import dev.exchangeintegration.test.BinanceMessage;
import dev.exchangeintegration.test.VolumeConfiguration;
import dev.exchangeintegration.websocket.WebSocketSettings;
import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.core.io.InputStreamSource;
import org.springframework.javapoet.ClassName;
import org.springframework.util.FileCopyUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring AOT processes a context with exchanges: the streams, fluxes and REST clients are
 * generated as factory-method registrations with their types and qualifiers (an instance
 * supplier would fail the processing), the registrars are left out of the generated
 * context, and the runtime hints cover the types frames are parsed into. The sample
 * application runs the generated code (see its build and {@code .ci/run}).
 */
class ExchangeStreamAotTests {

	private final InMemoryGeneratedFiles generatedFiles = new InMemoryGeneratedFiles();

	private final DefaultGenerationContext generationContext = new DefaultGenerationContext(
			new ClassNameGenerator(ClassName.get("com.example", "AotTest")), this.generatedFiles);

	@Test
	void aotProcessingRegistersStreamsFluxesAndClientsWithFactoryMethods() {
		process();
		String code = generatedSources();
		assertThat(code).contains("forFactoryMethod(ExchangeStreamFactory.class, \"create\", String.class)")
			.contains("addIndexedArgumentValue(0, \"binance\")")
			.contains("setFactoryBeanName(\"exchangeStreamFactory\")")
			.contains(
					"ResolvableType.forClassWithGenerics(DefaultExchangeStream.class, BinanceMessage.class, Volume.class)")
			.contains("forFactoryMethod(DefaultExchangeStream.class, \"flux\")")
			.contains("setFactoryBeanName(\"binance.exchangeStream\")")
			.contains("ResolvableType.forClassWithGenerics(Flux.class, Volume.class)")
			.contains(
					"new AutowireCandidateQualifier(\"org.springframework.beans.factory.annotation.Qualifier\", \"binance\")")
			.contains("forFactoryMethod(ExchangeRestClientFactory.class, \"create\", String.class)")
			.contains("addIndexedArgumentValue(0, \"binance-api\")");
		assertThat(code).doesNotContain("registerBeanDefinition(\"exchangeStreamRegistrar\"")
			.doesNotContain("registerBeanDefinition(\"restClientRegistrar\"");
	}

	@Test
	void runtimeHintsCoverTheParsedTypesTheirSubtypesProtobufMessagesAndTransportSettings() {
		process();
		RuntimeHints hints = this.generationContext.getRuntimeHints();
		assertThat(RuntimeHintsPredicates.reflection().onType(BinanceMessage.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(BinanceMessage.AggTrade.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(BinanceMessage.SubscriptionResponse.class))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Timestamp.class, "getDefaultInstance"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(WebSocketSettings.class, "setUrl"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(RestPollSettings.class, "setInterval"))
			.accepts(hints);
	}

	private void process() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			TestPropertyValues
				.of("exchange-integration.exchanges.binance.url=ws://127.0.0.1:9/ws",
						"exchange-integration.exchanges.binance.transformer=volumeTransformer",
						"exchange-integration.exchanges.clock.url=ws://127.0.0.1:9/ws",
						"exchange-integration.exchanges.clock.parser=protobuf",
						"exchange-integration.exchanges.clock.message-type=" + Timestamp.class.getName(),
						"exchange-integration.rest.binance-api.base-url=https://127.0.0.1:9")
				.applyTo(context);
			context.register(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
					HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
					WebClientAutoConfiguration.class, ExchangeIntegrationAutoConfiguration.class,
					RestClientAutoConfiguration.class, VolumeConfiguration.class);
			new ApplicationContextAotGenerator().processAheadOfTime(context, this.generationContext);
		}
		this.generationContext.writeGeneratedContent();
	}

	private String generatedSources() {
		Map<String, InputStreamSource> sources = this.generatedFiles.getGeneratedFiles(Kind.SOURCE);
		return sources.values().stream().map(ExchangeStreamAotTests::read).collect(Collectors.joining("\n"));
	}

	private static String read(InputStreamSource source) {
		try {
			return FileCopyUtils.copyToString(new java.io.InputStreamReader(source.getInputStream()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
