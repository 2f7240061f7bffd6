package dev.exchangeintegration.rest;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * REST clients over https to a server with a self-signed certificate on 127.0.0.1:
 * rejected by default, accepted with an SSL bundle that trusts it; and default headers on
 * every request.
 */
class RestClientTlsAndHeadersTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final List<String> teams = new CopyOnWriteArrayList<>();

	private DisposableServer server;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(RestClientTestSupport.AUTO_CONFIGURATIONS)
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class));

	@BeforeEach
	void start() throws Exception {
		SslContext sslContext;
		try (InputStream certificate = new ClassPathResource("tls/server.crt").getInputStream();
				InputStream key = new ClassPathResource("tls/server.key").getInputStream()) {
			sslContext = SslContextBuilder.forServer(certificate, key).build();
		}
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.secure((spec) -> spec.sslContext(sslContext))
			.route((routes) -> routes.get("/api/v3/time", (request, response) -> {
				this.teams.add(String.valueOf(request.requestHeaders().get("X-Team")));
				return response.header("Content-Type", "application/json").sendString(Mono.just("{\"serverTime\":42}"));
			}))
			.bindNow();
	}

	@AfterEach
	void stop() {
		this.server.disposeNow();
	}

	@Test
	void httpsWithAnSslBundleThatTrustsTheServerSendsDefaultHeaders() {
		this.contextRunner
			.withPropertyValues("exchange-integration.rest.local.base-url=https://127.0.0.1:" + this.server.port(),
					"spring.ssl.bundle.pem.test-ca.truststore.certificate=classpath:tls/server.crt",
					"exchange-integration.rest.local.ssl.bundle=test-ca",
					"exchange-integration.rest.local.default-headers.X-Team=desk-7")
			.run((context) -> {
				Map<?, ?> time = client(context).execute(new Time()).block(TIMEOUT);
				assertThat(time).isEqualTo(Map.of("serverTime", 42));
				assertThat(this.teams).containsExactly("desk-7");
			});
	}

	@Test
	void httpsToASelfSignedServerIsRejectedByDefault() {
		this.contextRunner
			.withPropertyValues("exchange-integration.rest.local.base-url=https://127.0.0.1:" + this.server.port(),
					"exchange-integration.rest.local.retry.max-attempts=0")
			.run((context) -> {
				assertThatException().isThrownBy(() -> client(context).execute(new Time()).block(TIMEOUT))
					.withRootCauseInstanceOf(java.security.cert.CertPathBuilderException.class);
				assertThat(this.teams).isEmpty();
			});
	}

	@Test
	void sslBundleThatDoesNotExistFailsAtStartupNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("exchange-integration.rest.local.base-url=https://127.0.0.1:" + this.server.port(),
					"exchange-integration.rest.local.ssl.bundle=missing-ca")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (invalid) -> {
					assertThat(invalid.getName()).isEqualTo("exchange-integration.rest.local.ssl.bundle");
					assertThat(invalid.getReason()).isEqualTo("REST client 'local' ssl.bundle names SSL bundle "
							+ "'missing-ca', which does not exist. Define it under spring.ssl.bundle.pem.missing-ca or "
							+ "spring.ssl.bundle.jks.missing-ca, or fix exchange-integration.rest.local.ssl.bundle.");
				}));
	}

	private static ExchangeRestClient client(org.springframework.context.ApplicationContext context) {
		return context.getBean("local.restClient", ExchangeRestClient.class);
	}

	@SuppressWarnings("rawtypes")
	record Time() implements RestRequest<Map> {

		@Override
		public HttpMethod method() {
			return HttpMethod.GET;
		}

		@Override
		public String path() {
			return "/api/v3/time";
		}

		@Override
		public Class<Map> responseType() {
			return Map.class;
		}

	}

}
