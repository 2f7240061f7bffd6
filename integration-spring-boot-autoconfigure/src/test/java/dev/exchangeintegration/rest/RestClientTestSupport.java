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

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

/**
 * Shared set-up of the tests that drive {@link ExchangeRestClient}s declared in YAML
 * against WireMock, over real HTTP on 127.0.0.1: a WireMock server on a dynamic port, an
 * {@link ApplicationContextRunner} whose YAML can refer to it as {@code ${wiremock.url}},
 * and independent HMAC helpers (plain {@code javax.crypto}, not the signers under test).
 */
final class RestClientTestSupport {

	/**
	 * How long a test waits for one response.
	 */
	static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(5);

	/**
	 * Keeps WireMock quiet: it would otherwise print unmatched requests, headers
	 * included.
	 */
	private static final Notifier SILENT = new Notifier() {

		@Override
		public void info(String message) {
		}

		@Override
		public void error(String message) {
		}

		@Override
		public void error(String message, Throwable cause) {
		}

	};

	private RestClientTestSupport() {
	}

	/**
	 * Start a WireMock server bound to 127.0.0.1 on a dynamic port.
	 * @return the started server
	 */
	static WireMockServer startWireMock() {
		WireMockServer server = new WireMockServer(WireMockConfiguration.options()
			.bindAddress("127.0.0.1")
			.dynamicPort()
			.containerThreads(100)
			.notifier(SILENT));
		server.start();
		return server;
	}

	/**
	 * Return a context runner with Jackson and the exchange integration
	 * auto-configurations, the given YAML as a property source, and {@code wiremock.url}
	 * set to the server's base URL.
	 * @param server the WireMock server
	 * @param yaml the application YAML
	 * @return the runner
	 */
	static ApplicationContextRunner contextRunner(WireMockServer server, String yaml) {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(JacksonAutoConfiguration.class, ExchangeIntegrationAutoConfiguration.class))
			.withInitializer(yaml(yaml))
			.withPropertyValues("wiremock.url=http://127.0.0.1:" + server.port());
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
