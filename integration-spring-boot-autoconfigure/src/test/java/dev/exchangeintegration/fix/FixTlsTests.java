package dev.exchangeintegration.fix;

import java.io.InputStream;
import java.security.KeyStore;
import java.time.Duration;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;
import dev.exchangeintegration.core.ConnectionState;
import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.core.ExchangeStream;
import dev.exchangeintegration.test.Recorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import quickfix.field.MsgType;

import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

import static dev.exchangeintegration.test.ConfigurationFailures.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A FIX session over TLS, verified through a Spring Boot SSL bundle, against an acceptor
 * with a self-signed certificate.
 */
class FixTlsTests {

	private static final FixTestAcceptor acceptor = new FixTestAcceptor(serverContext(), "CLIENT");

	private static final String FIX = "exchange-integration.exchanges.venue.fix.";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, SslAutoConfiguration.class,
				ExchangeIntegrationAutoConfiguration.class, FixAutoConfiguration.class))
		.withBean(Recorder.class)
		.withPropertyValues("spring.ssl.bundle.pem.venue.truststore.certificate=classpath:fix/tls/cert.pem",
				"spring.ssl.bundle.pem.other.truststore.certificate=classpath:fix/tls/other-cert.pem",
				"exchange-integration.shutdown-timeout=3s", "exchange-integration.exchanges.venue.protocol=fix",
				"exchange-integration.exchanges.venue.message-type=quickfix.Message",
				"exchange-integration.exchanges.venue.reconnect.initial-backoff=100ms",
				"exchange-integration.exchanges.venue.reconnect.max-backoff=500ms", FIX + "host=localhost",
				FIX + "port=" + acceptor.port(), FIX + "sender-comp-id=CLIENT", FIX + "target-comp-id=VENUE",
				FIX + "reset-on-logon=true", FIX + "market-data.symbols=BTC-USD");

	@AfterAll
	static void stopAcceptor() {
		acceptor.close();
	}

	@Test
	void sessionLogsOnOverTlsWithTheBundleTrustingTheVenue() {
		this.contextRunner.withPropertyValues(FIX + "ssl.bundle=venue").run((context) -> {
			ExchangeStream<?> stream = BeanFactoryAnnotationUtils.qualifiedBeanOfType(context.getBeanFactory(),
					ExchangeStream.class, "venue");
			acceptor.awaitReceived(MsgType.MARKET_DATA_REQUEST, 1);
			await().atMost(Duration.ofSeconds(10)).until(() -> stream.state() == ConnectionState.SUBSCRIBING);
			assertThat(context.getBean(Recorder.class).errors()).isEmpty();
		});
	}

	@Test
	void venueTheBundleDoesNotTrustIsRefused() {
		int logons = acceptor.logons.size();
		this.contextRunner.withPropertyValues(FIX + "ssl.bundle=other").run((context) -> {
			Recorder recorder = context.getBean(Recorder.class);
			recorder.awaitError((event) -> event.getKind() == ErrorKind.CLOSED);
			assertThat(acceptor.logons).hasSize(logons);
			assertThat(recorder.transitions()).doesNotContain("CONNECTING->SUBSCRIBING");
		});
	}

	@Test
	void unknownBundleFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues(FIX + "ssl.bundle=nope")
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.venue.fix.ssl.bundle",
					"Exchange 'venue' names SSL bundle 'nope', which does not exist."));
	}

	private static SSLContext serverContext() {
		try (InputStream in = new ClassPathResource("fix/tls/venue.p12").getInputStream()) {
			KeyStore keyStore = KeyStore.getInstance("PKCS12");
			keyStore.load(in, "changeit".toCharArray());
			KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keys.init(keyStore, "changeit".toCharArray());
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keys.getKeyManagers(), null, null);
			return context;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
