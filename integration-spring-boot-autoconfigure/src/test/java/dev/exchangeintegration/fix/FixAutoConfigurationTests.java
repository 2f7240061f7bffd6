package dev.exchangeintegration.fix;

import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;
import org.junit.jupiter.api.Test;
import quickfix.Initiator;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static dev.exchangeintegration.test.ConfigurationFailures.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code fix} protocol is there when QuickFIX/J is, and only then.
 */
class FixAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				ExchangeIntegrationAutoConfiguration.class, FixAutoConfiguration.class));

	@Test
	void fixTransportAndParserAreRegisteredWithQuickFixJ() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(FixExchangeTransportFactory.class);
			assertThat(context).hasSingleBean(FixParserFactory.class);
		});
	}

	@Test
	void withoutQuickFixJTheFixProtocolIsUnknown() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Initiator.class))
			.withPropertyValues("exchange-integration.exchanges.venue.protocol=fix",
					"exchange-integration.exchanges.venue.message-type=java.lang.String")
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.venue.protocol",
					"Exchange 'venue' has protocol 'fix', for which no transport is available."));
	}

	@Test
	void inputTypeTheFixParserCannotProduceFailsStartupNamingIt() {
		this.contextRunner
			.withPropertyValues("exchange-integration.exchanges.venue.protocol=fix",
					"exchange-integration.exchanges.venue.message-type=java.lang.Integer",
					"exchange-integration.exchanges.venue.fix.host=127.0.0.1",
					"exchange-integration.exchanges.venue.fix.port=9",
					"exchange-integration.exchanges.venue.fix.sender-comp-id=A",
					"exchange-integration.exchanges.venue.fix.target-comp-id=B")
			.run((context) -> assertInvalid(context.getStartupFailure(), "exchange-integration.exchanges.venue.parser",
					"Exchange 'venue' parses FIX messages, which its input type java.lang.Integer cannot take."));
	}

}
