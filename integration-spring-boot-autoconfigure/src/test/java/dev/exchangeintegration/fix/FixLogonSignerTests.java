package dev.exchangeintegration.fix;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;
import dev.exchangeintegration.core.ConnectionState;
import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.core.ExchangeStream;
import dev.exchangeintegration.test.Recorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.RejectLogon;
import quickfix.field.MsgSeqNum;
import quickfix.field.MsgType;
import quickfix.field.SenderCompID;
import quickfix.field.SendingTime;
import quickfix.field.TargetCompID;

import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The built-in Logon signers: each against values computed independently of the code
 * under test (the Binance FIX API documentation's own example for {@code binance};
 * OpenSSL for the others), then on the wire, with the acceptor recomputing and checking
 * the signature as the venue would.
 */
class FixLogonSignerTests {

	/**
	 * The Ed25519 key of the Binance FIX API documentation's signature example.
	 */
	private static final String BINANCE_DOC_KEY = """
			-----BEGIN PRIVATE KEY-----
			MC4CAQAwBQYDK2VwBCIEIIJEYWtGBrhACmb9Dvy+qa8WEf0lQOl1s4CLIAB9m89u
			-----END PRIVATE KEY-----
			""";

	private static final String BINANCE_DOC_PUBLIC_KEY = "MCowBQYDK2VwAyEAGUIKv9dSpWXBViXp2m6vAIb8QMFJYBgyFEQsFJlqgA0=";

	private static final String COINBASE_SECRET = "c2VjcmV0LWJ5dGVzLWZvci10ZXN0aW5nLW9ubHk=";

	private static final FixTestAcceptor acceptor = new FixTestAcceptor("CLIENT");

	private static final String FIX = "exchange-integration.exchanges.venue.fix.";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				ExchangeIntegrationAutoConfiguration.class, FixAutoConfiguration.class))
		.withBean(Recorder.class)
		.withPropertyValues("exchange-integration.shutdown-timeout=3s",
				"exchange-integration.exchanges.venue.protocol=fix",
				"exchange-integration.exchanges.venue.message-type=quickfix.Message",
				"exchange-integration.exchanges.venue.reconnect.initial-backoff=100ms",
				"exchange-integration.exchanges.venue.reconnect.max-backoff=500ms", FIX + "host=127.0.0.1",
				FIX + "port=" + acceptor.port(), FIX + "sender-comp-id=CLIENT", FIX + "target-comp-id=VENUE",
				FIX + "reset-on-logon=true");

	@BeforeEach
	void resetAcceptor() {
		acceptor.logons.clear();
		acceptor.enableSessions();
	}

	@AfterAll
	static void stopAcceptor() {
		acceptor.close();
	}

	@Test
	void coinbaseSignsTheDocumentedPrehashWithTheDecodedSecret() throws Exception {
		Message logon = logon("20240627-11:17:25.223", 1, "api-key-1", "Coinbase");
		FixLogonSigners.coinbase().sign(logon, new FixCredentials("api-key-1", "passphrase-1", COINBASE_SECRET, null));
		// printf
		// '20240627-11:17:25.223\001A\0011\001api-key-1\001Coinbase\001passphrase-1'
		// | openssl dgst -sha256 -mac HMAC -macopt key:secret-bytes-for-testing-only
		// -binary | base64
		assertThat(logon.getString(96)).isEqualTo("2pfrRmSr7THaxFwvkUtY/jv8hBmOzOMdxsKgfE9tC8o=");
		assertThat(logon.getInt(95)).isEqualTo(44);
		assertThat(logon.getString(554)).isEqualTo("passphrase-1");
		assertThat(logon.getString(553)).isEqualTo("api-key-1");
	}

	@Test
	void binanceSignatureMatchesTheExampleOfTheBinanceDocumentation() throws Exception {
		Message logon = logon("20240627-11:17:25.223", 1, "EXAMPLE", "SPOT");
		FixLogonSigners.binance().sign(logon, new FixCredentials("api-key", null, null, BINANCE_DOC_KEY));
		assertThat(logon.getString(96))
			.isEqualTo("4MHXelVVcpkdwuLbl6n73HQUXUf1dse2PCgT1DYqW9w8AVZ1RACFGM+5UdlGPrQHrgtS3CvsRURC1oj73j8gCA==");
		assertThat(logon.getInt(95)).isEqualTo(88);
		assertThat(logon.getString(553)).isEqualTo("api-key");
	}

	@Test
	void deribitPasswordIsTheDigestOfRawDataAndSecret() throws Exception {
		Message logon = logon("20240627-11:17:25.223", 1, "client", "DERIBITSERVER");
		FixLogonSigners.deribit(logon, new FixCredentials("client-id", null, "deribit-secret", null),
				"1719487045223.bm9uY2UtYnl0ZXM=");
		// printf '1719487045223.bm9uY2UtYnl0ZXM=deribit-secret' | openssl dgst -sha256
		// -binary | base64
		assertThat(logon.getString(554)).isEqualTo("gxNO0KEzuYjFg+XwcPfdKlFbSQzA2dfRbTK5F6cT0Po=");
		assertThat(logon.getString(96)).isEqualTo("1719487045223.bm9uY2UtYnl0ZXM=");
		assertThat(logon.getString(553)).isEqualTo("client-id");
	}

	@Test
	void deribitRawDataIsTheClockTimeAndAFreshNonce() throws Exception {
		Clock clock = Clock.fixed(Instant.ofEpochMilli(1719487045223L), ZoneOffset.UTC);
		Message first = logon("20240627-11:17:25.223", 1, "client", "DERIBITSERVER");
		Message second = logon("20240627-11:17:25.223", 1, "client", "DERIBITSERVER");
		FixCredentials credentials = new FixCredentials("client-id", null, "deribit-secret", null);
		FixLogonSigners.deribit(clock).sign(first, credentials);
		FixLogonSigners.deribit(clock).sign(second, credentials);
		assertThat(first.getString(96)).matches("1719487045223\\.[A-Za-z0-9+/]{43}=");
		assertThat(first.getString(96)).isNotEqualTo(second.getString(96));
		assertThat(first.getString(554)).isEqualTo(sha256Base64(first.getString(96) + "deribit-secret"));
	}

	@Test
	void coinbaseLogonIsVerifiedByTheVenue() {
		acceptor.logonCheck = (logon) -> {
			String prehash = String.join("\u0001", header(logon, 52), header(logon, 35), header(logon, 34),
					header(logon, 49), header(logon, 56), field(logon, 554));
			require(logon, hmacBase64("secret-bytes-for-testing-only", prehash).equals(field(logon, 96)));
		};
		this.contextRunner
			.withPropertyValues(FIX + "signer=coinbase", FIX + "username=api-key-1", FIX + "password=passphrase-1",
					FIX + "secret=" + COINBASE_SECRET)
			.run(this::assertLoggedOn);
	}

	@Test
	void binanceLogonIsVerifiedByTheVenue() {
		acceptor.logonCheck = (logon) -> {
			String payload = String.join("\u0001", header(logon, 35), header(logon, 49), header(logon, 56),
					header(logon, 34), header(logon, 52));
			require(logon, ed25519Verifies(payload, field(logon, 96)));
		};
		this.contextRunner
			.withPropertyValues(FIX + "signer=binance", FIX + "username=api-key",
					FIX + "private-key=" + BINANCE_DOC_KEY)
			.run(this::assertLoggedOn);
	}

	@Test
	void deribitLogonIsVerifiedByTheVenue() {
		acceptor.logonCheck = (logon) -> require(logon,
				sha256Base64(field(logon, 96) + "deribit-secret").equals(field(logon, 554)));
		this.contextRunner
			.withPropertyValues(FIX + "signer=deribit", FIX + "username=client-id", FIX + "secret=deribit-secret")
			.run(this::assertLoggedOn);
	}

	@Test
	void aLogonTheVenueRejectsIsAnErrorEventWithItsReasonAndIsRetried() {
		acceptor.logonCheck = (logon) -> {
			throw new RejectLogon("Invalid signature");
		};
		this.contextRunner
			.withPropertyValues(FIX + "signer=deribit", FIX + "username=client-id", FIX + "secret=wrong-secret")
			.run((context) -> {
				Recorder recorder = context.getBean(Recorder.class);
				assertThat(recorder.awaitError((event) -> event.getKind() == ErrorKind.CLOSED).getError())
					.hasMessageContaining("Logout: Invalid signature");
				await().atMost(Duration.ofSeconds(10)).until(() -> acceptor.logons.size() >= 2);
				assertThat(recorder.transitions()).doesNotContain("CONNECTING->LIVE");
			});
	}

	private void assertLoggedOn(org.springframework.context.ApplicationContext context) {
		ExchangeStream<?> stream = BeanFactoryAnnotationUtils
			.qualifiedBeanOfType(context.getAutowireCapableBeanFactory(), ExchangeStream.class, "venue");
		await().atMost(Duration.ofSeconds(10)).until(() -> stream.state() == ConnectionState.LIVE);
		assertThat(acceptor.logons).hasSize(1);
		assertThat(context.getBean(Recorder.class).errors()).isEmpty();
	}

	private static Message logon(String sendingTime, int seq, String sender, String target) {
		Message logon = new Message();
		logon.getHeader().setString(MsgType.FIELD, MsgType.LOGON);
		logon.getHeader().setString(SendingTime.FIELD, sendingTime);
		logon.getHeader().setInt(MsgSeqNum.FIELD, seq);
		logon.getHeader().setString(SenderCompID.FIELD, sender);
		logon.getHeader().setString(TargetCompID.FIELD, target);
		return logon;
	}

	private static void require(Message logon, boolean verified) throws RejectLogon {
		if (!verified) {
			throw new RejectLogon("Invalid signature");
		}
	}

	private static String header(Message message, int tag) {
		try {
			return message.getHeader().getString(tag);
		}
		catch (FieldNotFound ex) {
			return "";
		}
	}

	private static String field(Message message, int tag) {
		try {
			return message.getString(tag);
		}
		catch (FieldNotFound ex) {
			return "";
		}
	}

	private static String hmacBase64(String key, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String sha256Base64(String text) {
		try {
			return Base64.getEncoder()
				.encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean ed25519Verifies(String payload, String signature) {
		try {
			PublicKey key = KeyFactory.getInstance("Ed25519")
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(BINANCE_DOC_PUBLIC_KEY)));
			Signature verifier = Signature.getInstance("Ed25519");
			verifier.initVerify(key);
			verifier.update(payload.getBytes(StandardCharsets.UTF_8));
			return verifier.verify(Base64.getDecoder().decode(signature));
		}
		catch (Exception ex) {
			return false;
		}
	}

}
