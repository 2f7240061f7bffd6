package dev.exchangeintegration.rest;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import static dev.exchangeintegration.rest.RestClientTestSupport.contextRunner;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad settings of {@link ExchangeRestClient}s declared in YAML fail at startup with
 * Spring Boot's {@link InvalidConfigurationPropertyValueException}, which its failure
 * analysis reports: it names the property, says how to fix it, and never shows a
 * credential.
 */
class ExchangeRestClientStartupFailureTests {

	@Test
	void missingBaseUrl() {
		contextRunner("""
				exchange-integration:
				  rest:
				    binance:
				      timeout: 5s
				""")
			.run((context) -> assertInvalid(context.getStartupFailure(), "exchange-integration.rest.binance.base-url",
					"REST client 'binance' base-url is not set. Set it to the exchange's REST endpoint, for example "
							+ "https://api.binance.com."));
	}

	@Test
	void unknownSigner() {
		contextRunner("""
				exchange-integration:
				  rest:
				    binance:
				      base-url: http://127.0.0.1:9
				      signer: coinbase
				      api-key: StartupApiKeyR2d2
				      secret: StartupSecretC3p0
				""").run((context) -> {
			Throwable failure = context.getStartupFailure();
			assertInvalid(failure, "exchange-integration.rest.binance.signer",
					"REST client 'binance' signer 'coinbase' is neither a built-in signer nor a RequestSigner bean. "
							+ "Use one of binance, kraken, okx, bybit, hmac, or the name of a RequestSigner bean.");
			assertThat(failure).hasStackTraceContaining("coinbase")
				.satisfies((ex) -> assertThat(stackTrace(ex)).doesNotContain("StartupApiKeyR2d2")
					.doesNotContain("StartupSecretC3p0"));
		});
	}

	@Test
	void binanceSignerWithoutSecret() {
		contextRunner("""
				exchange-integration:
				  rest:
				    binance:
				      base-url: http://127.0.0.1:9
				      signer: binance
				      api-key: StartupApiKeyR2d2
				""").run((context) -> {
			Throwable failure = context.getStartupFailure();
			assertInvalid(failure, "exchange-integration.rest.binance.secret",
					"REST client 'binance' secret is not set, but the binance signer needs it. Set it, for example "
							+ "from an environment variable: ${EXCHANGE_API_SECRET}.");
			assertThat(stackTrace(failure)).doesNotContain("StartupApiKeyR2d2");
		});
	}

	@Test
	void receiveWindowUnderAMillisecond() {
		contextRunner("""
				exchange-integration:
				  rest:
				    bybit:
				      base-url: http://127.0.0.1:9
				      signer: bybit
				      api-key: StartupApiKeyR2d2
				      secret: StartupSecretC3p0
				      recv-window: 0ms
				""")
			.run((context) -> assertInvalid(context.getStartupFailure(), "exchange-integration.rest.bybit.recv-window",
					"REST client 'bybit' recv-window is PT0S. Set at least 1ms, for example 5s."));
	}

	@Test
	void maxBackoffBelowInitialBackoff() {
		contextRunner("""
				exchange-integration:
				  rest:
				    binance:
				      base-url: http://127.0.0.1:9
				      retry:
				        initial-backoff: 2s
				        max-backoff: 1s
				""").run((context) -> assertInvalid(context.getStartupFailure(),
				"exchange-integration.rest.binance.retry.max-backoff",
				"REST client 'binance' retry.max-backoff is less than retry.initial-backoff. Set it at least as long "
						+ "as retry.initial-backoff."));
	}

	/**
	 * Assert that the failure comes from an invalid property: its name, and a reason that
	 * says what is wrong and how to fix it.
	 */
	private static void assertInvalid(Throwable failure, String property, String reason) {
		assertThat(failure).isNotNull();
		InvalidConfigurationPropertyValueException invalid = find(failure);
		assertThat(invalid).as("InvalidConfigurationPropertyValueException in the causes of %s", failure).isNotNull();
		assertThat(invalid.getName()).isEqualTo(property);
		assertThat(invalid.getReason()).isEqualTo(reason);
		assertThat(invalid.getMessage()).contains(property).endsWith(reason);
	}

	private static InvalidConfigurationPropertyValueException find(Throwable failure) {
		for (Throwable ex = failure; ex != null; ex = ex.getCause()) {
			if (ex instanceof InvalidConfigurationPropertyValueException invalid) {
				return invalid;
			}
		}
		return null;
	}

	private static String stackTrace(Throwable failure) {
		java.io.StringWriter writer = new java.io.StringWriter();
		failure.printStackTrace(new java.io.PrintWriter(writer));
		return writer.toString();
	}

}
