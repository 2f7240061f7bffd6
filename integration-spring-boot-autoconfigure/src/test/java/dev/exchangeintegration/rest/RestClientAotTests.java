package dev.exchangeintegration.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;
import dev.exchangeintegration.rest.autoconfigure.RestClientAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bean definitions of the REST clients go through Spring's ahead-of-time processing,
 * as {@code process-aot} and native images need: each is written as code that calls the
 * factory's {@code create} method with the client name.
 */
class RestClientAotTests {

	@Test
	void clientBeansAreGeneratedAsCallsToTheFactoryMethodWithTheName() throws IOException {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("test", Map.of("exchange-integration.rest.binance.base-url",
						"https://api.binance.com", "exchange-integration.rest.okx.base-url", "https://www.okx.com")));
			context.register(RestAutoConfigurations.class);
			InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();
			DefaultGenerationContext generation = new DefaultGenerationContext(
					new ClassNameGenerator(ClassName.get(RestClientAotTests.class)), files);
			new ApplicationContextAotGenerator().processAheadOfTime(context, generation);
			generation.writeGeneratedContent();
			StringBuilder sources = new StringBuilder();
			for (InputStreamSource source : files.getGeneratedFiles(Kind.SOURCE).values()) {
				try (InputStream in = source.getInputStream()) {
					sources.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
				}
			}
			assertThat(sources).contains("\"binance.restClient\"", "\"okx.restClient\"")
				.contains("forFactoryMethod(ExchangeRestClientFactory.class, \"create\", String.class)")
				.contains("addIndexedArgumentValue(0, \"binance\")", "addIndexedArgumentValue(0, \"okx\")");
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, WebClientAutoConfiguration.class,
			ExchangeIntegrationAutoConfiguration.class, RestClientAutoConfiguration.class })
	static class RestAutoConfigurations {

	}

}
