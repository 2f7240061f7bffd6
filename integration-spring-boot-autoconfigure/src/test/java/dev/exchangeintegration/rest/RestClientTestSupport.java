package dev.exchangeintegration.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;
import dev.exchangeintegration.rest.autoconfigure.RestClientAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

/**
 * Shared set-up of the tests of {@link ExchangeRestClient}s declared in YAML: an
 * {@link ApplicationContextRunner} with the auto-configurations and the YAML, and
 * independent HMAC helpers (plain {@code javax.crypto}, not the signers under test).
 *
 * @see AbstractExchangeRestClientTests
 */
final class RestClientTestSupport {

	/**
	 * How long a test waits for one response.
	 */
	static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(5);

	private RestClientTestSupport() {
	}

	/**
	 * The auto-configurations an application with the starter has for REST: Jackson,
	 * codecs, HTTP clients and WebClient from Spring Boot, and the exchange integration
	 * ones.
	 */
	static final AutoConfigurations AUTO_CONFIGURATIONS = AutoConfigurations.of(JacksonAutoConfiguration.class,
			CodecsAutoConfiguration.class, HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
			WebClientAutoConfiguration.class, ExchangeIntegrationAutoConfiguration.class,
			RestClientAutoConfiguration.class);

	/**
	 * Return a context runner with the {@link #AUTO_CONFIGURATIONS} and the given YAML as
	 * a property source.
	 * @param yaml the application YAML
	 * @return the runner
	 */
	static ApplicationContextRunner contextRunner(String yaml) {
		return new ApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS).withInitializer(yaml(yaml));
	}

	/**
	 * Return an initializer that adds YAML, parsed by Spring Boot's own loader, as the
	 * first property source.
	 * @param yaml the YAML text
	 * @return the initializer
	 */
	static ApplicationContextInitializer<ConfigurableApplicationContext> yaml(String yaml) {
		return (context) -> {
			try {
				List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("application.yml",
						new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)));
				for (PropertySource<?> source : sources) {
					context.getEnvironment().getPropertySources().addFirst(source);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		};
	}

	/**
	 * Compute an HMAC with {@code javax.crypto}.
	 * @param algorithm the JCA algorithm, such as {@code HmacSHA256}
	 * @param key the key
	 * @param message the message
	 * @return the MAC
	 */
	static byte[] hmac(String algorithm, byte[] key, byte[] message) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(key, algorithm));
			return mac.doFinal(message);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] sha256(byte[] message) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(message);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

}
