package dev.exchangeintegration.rest;

import dev.exchangeintegration.autoconfigure.InvalidExchangeConfigurationException;
import org.junit.jupiter.api.Test;

import static dev.exchangeintegration.rest.RestClientTestSupport.contextRunner;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad settings of {@link ExchangeRestClient}s declared in YAML fail at startup with an
 * {@link InvalidExchangeConfigurationException} that names the property, and never shows
 * a credential.
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
					"Invalid property 'exchange-integration.rest.binance.base-url': "
							+ "REST client 'binance' base-url is not set."));
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
					"Invalid property 'exchange-integration.rest.binance.signer': REST client 'binance' signer "
							+ "'coinbase' is neither a built-in signer nor a RequestSigner bean.");
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
					"Invalid property 'exchange-integration.rest.binance.secret': REST client 'binance' secret is not "
							+ "set, but the binance signer needs it.");
			assertThat(stackTrace(failure)).doesNotContain("StartupApiKeyR2d2");
		});
	}

	private static void assertInvalid(Throwable failure, String property, String message) {
		assertThat(failure).isNotNull();
		InvalidExchangeConfigurationException invalid = find(failure);
		assertThat(invalid).as("InvalidExchangeConfigurationException in the causes of %s", failure).isNotNull();
		assertThat(invalid.getProperty()).isEqualTo(property);
		assertThat(invalid).hasMessage(message);
		assertThat(invalid.getAction()).isNotBlank();
	}

	private static InvalidExchangeConfigurationException find(Throwable failure) {
		for (Throwable ex = failure; ex != null; ex = ex.getCause()) {
			if (ex instanceof InvalidExchangeConfigurationException invalid) {
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
