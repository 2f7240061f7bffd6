package dev.exchangeintegration.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Startup failures of a bad exchange configuration, as Boot's failure analysis renders
 * them when an application starts: the property, where it is set, what is wrong and what
 * to do.
 */
@ExtendWith(OutputCaptureExtension.class)
class ExchangeConfigurationFailureAnalysisTests {

	@Test
	void invalidValueIsReportedWithThePropertyItsOriginWhatIsWrongAndTheFix(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--exchange-integration.exchanges.binance.url=ws://127.0.0.1:9/ws",
				"--exchange-integration.exchanges.binance.reconnect.jitter=1.5"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid value '1.5' for configuration property"
					+ " 'exchange-integration.exchanges.binance.reconnect.jitter'"
					+ " (originating from '\"exchange-integration.exchanges.binance.reconnect.jitter\""
					+ " from property source \"commandLineArgs\"').")
			.contains("Exchange 'binance' reconnect.jitter is 1.5. Set it between 0 and 1.")
			.contains("Review the value of the property with the provided reason.");
	}

	@Test
	void mutuallyExclusivePropertiesAreReportedWithBoth(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--exchange-integration.exchanges.binance.url=ws://127.0.0.1:9/ws",
				"--exchange-integration.exchanges.binance.subscription-ack.id-pointer=/id",
				"--exchange-integration.exchanges.binance.subscription-ack.pattern=result"));
		assertThat(output).contains("The following configuration properties are mutually exclusive:")
			.contains("exchange-integration.exchanges.binance.subscription-ack.id-pointer")
			.contains("exchange-integration.exchanges.binance.subscription-ack.pattern")
			.contains("Update your configuration so that only one of the mutually exclusive properties is configured.");
	}

	@Test
	void failureAnalyzerOfRestClientConfigurationNamesThePropertyAndTheFix() {
		InvalidExchangeConfigurationException ex = new InvalidExchangeConfigurationException(
				"exchange-integration.rest.x.base-url", "REST client 'x' base-url is not set.", "Set it.");
		FailureAnalysis analysis = new InvalidExchangeConfigurationFailureAnalyzer().analyze(ex);
		assertThat(analysis.getDescription())
			.isEqualTo("Invalid property 'exchange-integration.rest.x.base-url': REST client 'x' base-url is not set.");
		assertThat(analysis.getAction()).isEqualTo("Set it.");
	}

	private static void run(String... args) {
		SpringApplication application = new SpringApplication(FailingApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.run(args).close();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, ExchangeIntegrationAutoConfiguration.class })
	static class FailingApplication {

	}

}
