package dev.exchangeintegration.rest;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Base class for tests that drive {@link ExchangeRestClient}s declared in YAML against
 * WireMock, over real HTTP on 127.0.0.1: a server on a dynamic port, started before the
 * test class's first test, reset before each test and stopped after the last, and an
 * {@link ApplicationContextRunner} whose YAML can refer to it as {@code ${wiremock.url}}.
 */
abstract class AbstractExchangeRestClientTests {

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

	/**
	 * The running test class's WireMock server.
	 */
	static WireMockServer server;

	@BeforeAll
	static void startWireMock() {
		server = new WireMockServer(WireMockConfiguration.options()
			.bindAddress("127.0.0.1")
			.dynamicPort()
			.containerThreads(100)
			.notifier(SILENT));
		server.start();
	}

	@AfterAll
	static void stopWireMock() {
		server.stop();
	}

	@BeforeEach
	void resetWireMock() {
		server.resetAll();
	}

	/**
	 * Return a context runner with Jackson and the exchange integration
	 * auto-configurations, the given YAML as a property source, and {@code wiremock.url}
	 * set to the server's base URL.
	 * @param yaml the application YAML
	 * @return the runner
	 */
	static ApplicationContextRunner contextRunner(String yaml) {
		return RestClientTestSupport.contextRunner(yaml)
			.withPropertyValues("wiremock.url=http://127.0.0.1:" + server.port());
	}

	/**
	 * Return the client declared under the given name.
	 * @param context the context
	 * @param name the name of the client
	 * @return the client
	 */
	static ExchangeRestClient client(AssertableApplicationContext context, String name) {
		return context.getBean(name + ".restClient", ExchangeRestClient.class);
	}

}
