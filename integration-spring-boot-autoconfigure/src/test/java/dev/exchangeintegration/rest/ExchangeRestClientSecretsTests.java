package dev.exchangeintegration.rest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.exchangeintegration.rest.autoconfigure.RestClientsProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.exchangeintegration.rest.RestClientTestSupport.RESPONSE_TIMEOUT;
import static dev.exchangeintegration.rest.RestClientTestSupport.hex;
import static dev.exchangeintegration.rest.RestClientTestSupport.hmac;
import static dev.exchangeintegration.rest.RestClientTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Credentials of {@link ExchangeRestClient}s declared in YAML and in an environment
 * variable never show: not in logs at DEBUG, exception messages or {@code toString}, nor
 * in Actuator's {@code configprops} and {@code env} endpoints, even with
 * {@code show-values: always}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ExchangeRestClientSecretsTests extends AbstractExchangeRestClientTests {

	private static final Log logger = LogFactory.getLog(ExchangeRestClientSecretsTests.class);

	private static final String BINANCE_API_KEY = "BinanceApiKeyQ8mZ3vT1";

	// set through an environment variable, not in the YAML
	private static final String BINANCE_SECRET = "BinanceSecretW4nR7pL2";

	private static final String OKX_API_KEY = "OkxApiKeyH6dJ9sE5";

	private static final String OKX_SECRET = "OkxSecretC3bV8xN0";

	private static final String OKX_PASSPHRASE = "OkxPassphraseK2fG7yU4";

	private static final String KRAKEN_API_KEY = "KrakenApiKeyM1aP5tR8";

	private static final String KRAKEN_SECRET = "KrakenSecret*not*base64*Z9";

	private static final List<String> CREDENTIALS = List.of(BINANCE_API_KEY, BINANCE_SECRET, OKX_API_KEY, OKX_SECRET,
			OKX_PASSPHRASE, KRAKEN_API_KEY, KRAKEN_SECRET);

	private static final String YAML = """
			logging:
			  level:
			    dev.exchangeintegration: DEBUG
			exchange-integration:
			  rest:
			    binance:
			      base-url: ${wiremock.url}
			      signer: binance
			      api-key: BinanceApiKeyQ8mZ3vT1
			    okx:
			      base-url: ${wiremock.url}
			      signer: okx
			      api-key: OkxApiKeyH6dJ9sE5
			      secret: OkxSecretC3bV8xN0
			      passphrase: OkxPassphraseK2fG7yU4
			    kraken:
			      base-url: ${wiremock.url}
			      signer: kraken
			      body-encoding: form
			      api-key: KrakenApiKeyM1aP5tR8
			      secret: KrakenSecret*not*base64*Z9
			""";

	private static ApplicationContextRunner runner() {
		return contextRunner(YAML)
			.withBean(Clock.class, () -> Clock.fixed(Instant.ofEpochMilli(1700000000000L), ZoneOffset.UTC))
			.withInitializer((context) -> {
				MutablePropertySources sources = context.getEnvironment().getPropertySources();
				// keep the machine's own environment and system properties out of the
				// reports
				sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
				sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
				sources.addLast(new SystemEnvironmentPropertySource("test-systemEnvironment",
						Map.of("EXCHANGE_INTEGRATION_REST_BINANCE_SECRET", BINANCE_SECRET)));
			});
	}

	private static void stubExchanges() {
		// Binance answers only a request signed with the secret from the environment
		String signature = hex(
				hmac("HmacSHA256", utf8(BINANCE_SECRET), utf8("symbol=BTCUSDT&timestamp=1700000000000")));
		server.stubFor(get(urlPathEqualTo("/api/v3/openOrders")).withQueryParam("signature", equalTo(signature))
			.withHeader("X-MBX-APIKEY", equalTo(BINANCE_API_KEY))
			.willReturn(okJson("[]")));
		server.stubFor(get(urlPathEqualTo("/api/v3/account")).willReturn(aResponse().withStatus(401)
			.withBody("{\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action.\"}")));
		server.stubFor(get(urlPathEqualTo("/api/v5/account/balance"))
			.withHeader("OK-ACCESS-PASSPHRASE", equalTo(OKX_PASSPHRASE))
			.willReturn(okJson("{\"code\":\"50113\",\"msg\":\"Invalid Sign\",\"data\":[]}")));
	}

	@Test
	void credentialsNeverAppearInLogsExceptionsOrToString(CapturedOutput output) {
		stubExchanges();
		LoggingSystem loggingSystem = LoggingSystem.get(getClass().getClassLoader());
		loggingSystem.setLogLevel("dev.exchangeintegration", LogLevel.DEBUG);
		try {
			runner().run((context) -> {
				ExchangeRestClient binance = client(context, "binance");
				ExchangeRestClient okx = client(context, "okx");
				ExchangeRestClient kraken = client(context, "kraken");
				List<Throwable> failures = new ArrayList<>();
				assertThat(binance
					.execute(TestRequest.get("/api/v3/openOrders", String.class, Map.of("symbol", "BTCUSDT")))
					.block(RESPONSE_TIMEOUT)).isEqualTo("[]");
				failures.add(catchThrowable(() -> binance.execute(TestRequest.get("/api/v3/account", String.class))
					.block(RESPONSE_TIMEOUT)));
				failures.add(catchThrowable(() -> okx
					.execute(TestRequest.get("/api/v5/account/balance", String.class, Map.of("ccy", "BTC")))
					.block(RESPONSE_TIMEOUT)));
				// signing itself fails: the secret is not Base64
				failures.add(catchThrowable(() -> kraken.execute(TestRequest.get("/0/private/Balance", String.class))
					.block(RESPONSE_TIMEOUT)));
				assertThat(failures.get(0)).isInstanceOf(ExchangeApiException.class)
					.hasMessage("Exchange REST client 'binance' got HTTP 401, error -2015: "
							+ "Invalid API-key, IP, or permissions for action.");
				assertThat(failures.get(1)).isInstanceOf(ExchangeApiException.class)
					.hasMessage("Exchange REST client 'okx' got HTTP 200, error 50113: Invalid Sign");
				assertThat(failures.get(2)).isInstanceOf(IllegalStateException.class)
					.hasMessage("The secret is not valid Base64");
				// what an application would log
				for (Throwable failure : failures) {
					logger.error("Exchange request failed", failure);
				}
				logger.info("Clients: " + binance + ", " + okx + ", " + kraken);
				logger.info("Properties: " + context.getBean(RestClientsProperties.class).getRest());
			});
		}
		finally {
			loggingSystem.setLogLevel("dev.exchangeintegration", null);
		}
		assertThat(output).contains("Invalid API-key, IP, or permissions for action.")
			.contains("Invalid Sign")
			.contains("The secret is not valid Base64");
		for (String credential : CREDENTIALS) {
			assertThat(output.getAll().contains(credential)).as("output contains a credential").isFalse();
		}
	}

	@Test
	void credentialsAreMaskedInConfigpropsAndEnv() {
		runner()
			.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
					ConfigurationPropertiesReportEndpointAutoConfiguration.class,
					EnvironmentEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoint.configprops.show-values=always",
					"management.endpoint.env.show-values=always",
					"management.endpoints.web.exposure.include=configprops,env")
			.run((context) -> {
				JsonMapper mapper = JsonMapper.builder().build();
				String configprops = mapper.writeValueAsString(
						context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties());
				String env = mapper.writeValueAsString(context.getBean(EnvironmentEndpoint.class).environment(null));
				for (String credential : CREDENTIALS) {
					assertThat(configprops.contains(credential)).as("configprops contains a credential").isFalse();
					assertThat(env.contains(credential)).as("env contains a credential").isFalse();
				}
				// values are shown, but the credentials masked
				JsonNode bean = mapper.readTree(configprops)
					.findValue("exchange-integration-" + RestClientsProperties.class.getName());
				JsonNode rest = bean.path("properties").path("rest");
				assertThat(rest.path("okx").path("baseUrl").asString()).startsWith("http://127.0.0.1:");
				assertThat(rest.path("okx").path("signer").asString()).isEqualTo("okx");
				assertThat(rest.path("okx").path("apiKey").asString()).isEqualTo("******");
				assertThat(rest.path("okx").path("secret").asString()).isEqualTo("******");
				assertThat(rest.path("okx").path("passphrase").asString()).isEqualTo("******");
				assertThat(rest.path("binance").path("apiKey").asString()).isEqualTo("******");
				assertThat(rest.path("binance").path("secret").asString()).isEqualTo("******");
				JsonNode inputs = bean.path("inputs").path("rest");
				assertThat(inputs.path("okx").path("passphrase").path("value").asString()).isEqualTo("******");
				assertThat(inputs.path("binance").path("secret").path("value").asString()).isEqualTo("******");
				assertThat(inputs.path("binance").path("secret").path("origin").asString())
					.contains("EXCHANGE_INTEGRATION_REST_BINANCE_SECRET");
				Map<String, String> envValues = envValues(mapper.readTree(env));
				assertThat(envValues).containsEntry("exchange-integration.rest.binance.api-key", "******")
					.containsEntry("exchange-integration.rest.okx.secret", "******")
					.containsEntry("exchange-integration.rest.okx.passphrase", "******")
					.containsEntry("EXCHANGE_INTEGRATION_REST_BINANCE_SECRET", "******")
					.containsEntry("exchange-integration.rest.okx.signer", "okx");
			});
	}

	/**
	 * Return the value of every property of every property source in an {@code env}
	 * report.
	 */
	private static Map<String, String> envValues(JsonNode env) {
		Map<String, String> values = new LinkedHashMap<>();
		for (JsonNode source : env.path("propertySources")) {
			for (Map.Entry<String, JsonNode> property : source.path("properties").properties()) {
				values.putIfAbsent(property.getKey(), property.getValue().path("value").asString());
			}
		}
		return values;
	}

}
