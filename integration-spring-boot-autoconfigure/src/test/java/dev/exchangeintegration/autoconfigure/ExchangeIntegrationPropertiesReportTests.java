package dev.exchangeintegration.autoconfigure;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Actuator's {@code configprops} shows each exchange with the shared defaults merged in:
 * the values it runs with.
 */
class ExchangeIntegrationPropertiesReportTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(JacksonAutoConfiguration.class, ExchangeIntegrationAutoConfiguration.class,
						EndpointAutoConfiguration.class, ConfigurationPropertiesReportEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoint.configprops.show-values=always",
				"management.endpoints.web.exposure.include=configprops");

	@Test
	void configpropsShowsEachExchangeWithTheSharedDefaultsMergedIn() {
		this.contextRunner
			.withPropertyValues("exchange-integration.defaults.buffer-size=16",
					"exchange-integration.defaults.reconnect.initial-backoff=2s",
					"exchange-integration.exchanges.a.url=ws://127.0.0.1:9/ws",
					"exchange-integration.exchanges.a.buffer-size=32",
					"exchange-integration.exchanges.b.url=ws://127.0.0.1:9/ws",
					"exchange-integration.exchanges.b.enabled=false")
			.run((context) -> {
				JsonMapper mapper = JsonMapper.builder().build();
				JsonNode report = mapper.readTree(mapper.writeValueAsString(
						context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties()));
				JsonNode exchanges = report
					.findValue("exchange-integration-" + ExchangeIntegrationProperties.class.getName())
					.path("properties")
					.path("exchanges");
				assertThat(exchanges.path("a").path("bufferSize").asInt()).isEqualTo(32);
				assertThat(exchanges.path("a").path("reconnect").path("initialBackoff").asString()).isEqualTo("PT2S");
				assertThat(exchanges.path("a").path("protocol").asString()).isEqualTo("websocket");
				assertThat(exchanges.path("b").path("bufferSize").asInt()).isEqualTo(16);
				assertThat(exchanges.path("b").path("reconnect").path("initialBackoff").asString()).isEqualTo("PT2S");
				assertThat(exchanges.path("b").path("enabled").asBoolean()).isFalse();
			});
	}

}
