package dev.exchangeintegration;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertPathBuilderException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import dev.exchangeintegration.annotation.ExchangeListener;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;
import dev.exchangeintegration.core.CloseStatus;
import dev.exchangeintegration.core.ConnectionClosedException;
import dev.exchangeintegration.core.ConnectionState;
import dev.exchangeintegration.core.ConnectionTimeoutException;
import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.core.ExchangeStream;
import dev.exchangeintegration.core.SubscriptionException;
import dev.exchangeintegration.core.Transformer;
import dev.exchangeintegration.core.UnexpectedFrameException;
import dev.exchangeintegration.event.ExchangeErrorEvent;
import dev.exchangeintegration.test.BinanceMessage;
import dev.exchangeintegration.test.MuteWebSocketServer;
import dev.exchangeintegration.test.Recorder;
import dev.exchangeintegration.test.TestWebSocketServer;
import dev.exchangeintegration.test.Volume;
import dev.exchangeintegration.test.VolumeConfiguration;
import dev.exchangeintegration.websocket.WebSocketCloseStatuses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Fault injection: every case runs against a loopback WebSocket server under the test's
 * control and asserts exactly which outputs arrived, in which order, and which events
 * fired.
 */
class ExchangeStreamResilienceTests {

	private static final String SUBSCRIBE = "{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@aggTrade\"],\"id\":1}";

	private static final String ACK = "{\"result\":null,\"id\":1}";

	private static final String REJECTION = "{\"error\":{\"code\":2,\"msg\":\"Invalid request\"},\"id\":1}";

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final TestWebSocketServer server = new TestWebSocketServer();

	private final ApplicationContextRunner baseRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(JacksonAutoConfiguration.class, ExchangeIntegrationAutoConfiguration.class))
		.withPropertyValues("exchange-integration.exchanges.binance.url=" + this.server.url(),
				"exchange-integration.exchanges.binance.subscriptions[0]=" + SUBSCRIBE,
				"exchange-integration.exchanges.binance.transformer=volumeTransformer",
				"exchange-integration.exchanges.binance.reconnect.initial-backoff=50ms",
				"exchange-integration.exchanges.binance.reconnect.max-backoff=200ms")
		.withBean(Recorder.class);

	private final ApplicationContextRunner contextRunner = this.baseRunner
		.withUserConfiguration(VolumeConfiguration.class, ConsumersConfiguration.class);

	private int sent;

	private final List<Volume> expected = new ArrayList<>();

	private BigDecimal total = BigDecimal.ZERO;

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void abruptTcpCloseMidStreamReconnectsResubscribesAndDeliversEverythingInOrder() {
		this.contextRunner.run((context) -> {
			this.server.awaitReceived(1);
			sendTrades(3);
			awaitDelivered(context);
			this.server.abort();
			this.server.awaitConnections(2);
			this.server.awaitReceived(2);
			assertThat(this.server.received()).containsExactly(SUBSCRIBE, SUBSCRIBE);
			sendTrades(3);
			awaitDelivered(context);
			assertEveryConsumerReceivedEverythingInOrder(context);
			ExchangeErrorEvent closed = recorder(context).awaitError(0);
			assertThat(closed.getKind()).isEqualTo(ErrorKind.CLOSED);
			assertThat(closed.getCloseStatus()).isEqualTo(WebSocketCloseStatuses.ABNORMAL);
			recorder(context).awaitState(ConnectionState.LIVE, 2);
			assertThat(recorder(context).transitions()).containsExactly("NEW->CONNECTING", "CONNECTING->LIVE",
					"LIVE->RECONNECTING", "RECONNECTING->CONNECTING", "CONNECTING->LIVE");
			assertThat(recorder(context).states().get(2).getCause()).isInstanceOf(ConnectionClosedException.class);
			assertThat(stream(context).state()).isEqualTo(ConnectionState.LIVE);
		});
	}

	@Test
	void serverCloses1001Then1011AndEachTimeTheStreamRecoversWithTheCodeReported() {
		this.contextRunner.run((context) -> {
			this.server.awaitReceived(1);
			sendTrades(2);
			awaitDelivered(context);
			this.server.close(1001, "going away");
			this.server.awaitReceived(2);
			sendTrades(2);
			awaitDelivered(context);
			this.server.close(1011, "internal error");
			this.server.awaitReceived(3);
			sendTrades(2);
			awaitDelivered(context);
			assertThat(this.server.received()).containsExactly(SUBSCRIBE, SUBSCRIBE, SUBSCRIBE);
			assertEveryConsumerReceivedEverythingInOrder(context);
			List<ExchangeErrorEvent> closes = recorder(context).errors(ErrorKind.CLOSED);
			assertThat(closes).extracting(ExchangeErrorEvent::getCloseStatus)
				.containsExactly(new CloseStatus(1001, "going away"), new CloseStatus(1011, "internal error"));
			assertThat(closes.get(1).getError()).hasMessageContaining("1011 (internal error)");
		});
	}

	@Test
	void silentServerIsReplacedAfterStaleTimeout() {
		this.contextRunner.withPropertyValues("exchange-integration.exchanges.binance.stale-timeout=300ms")
			.run((context) -> {
				this.server.awaitReceived(1);
				long silentSince = System.nanoTime();
				this.server.awaitConnections(2);
				assertThat(Duration.ofNanos(System.nanoTime() - silentSince))
					.isGreaterThanOrEqualTo(Duration.ofMillis(300).minus(Duration.ofMillis(20)));
				this.server.awaitReceived(2);
				sendTrades(3);
				awaitDelivered(context);
				assertEveryConsumerReceivedEverythingInOrder(context);
				ExchangeErrorEvent stale = recorder(context).awaitError(0);
				assertThat(stale.getKind()).isEqualTo(ErrorKind.TIMEOUT);
				assertThat(stale.getError()).isInstanceOfSatisfying(ConnectionTimeoutException.class,
						(ex) -> assertThat(ex.getTimeout()).isEqualTo(ConnectionTimeoutException.Timeout.STALE));
				assertThat(stale.getError()).hasMessageContaining("no data frame within PT0.3S");
			});
	}

	@Test
	void unansweredPingsReplaceTheConnectionAfterPongTimeout() {
		this.server.answerPings(false);
		this.contextRunner
			.withPropertyValues("exchange-integration.exchanges.binance.heartbeat.interval=100ms",
					"exchange-integration.exchanges.binance.heartbeat.pong-timeout=300ms")
			.run((context) -> {
				this.server.awaitConnections(2);
				assertThat(this.server.pingsReceived()).isGreaterThanOrEqualTo(2);
				ExchangeErrorEvent timeout = recorder(context).awaitError(0);
				assertThat(timeout.getKind()).isEqualTo(ErrorKind.TIMEOUT);
				assertThat(timeout.getError()).isInstanceOfSatisfying(ConnectionTimeoutException.class,
						(ex) -> assertThat(ex.getTimeout()).isEqualTo(ConnectionTimeoutException.Timeout.PONG));
			});
	}

	@Test
	void answeredPingsKeepTheConnection() {
		this.contextRunner
			.withPropertyValues("exchange-integration.exchanges.binance.heartbeat.interval=50ms",
					"exchange-integration.exchanges.binance.heartbeat.pong-timeout=1s")
			.run((context) -> {
				this.server.awaitReceived(1);
				// thirty pings answered span more than a pong timeout: an unrecognised
				// pong
				// would have replaced the connection by then
				await().atMost(TIMEOUT).until(() -> this.server.pingsReceived() >= 30);
				sendTrades(2);
				awaitDelivered(context);
				assertThat(this.server.connectionCount()).isOne();
				assertThat(recorder(context).errors()).isEmpty();
			});
	}

	@Test
	void applicationLevelPongsNeverReachTheTransformer() {
		this.server.replyTo("{\"op\":\"ping\"}", "{\"op\":\"pong\"}");
		this.baseRunner
			.withPropertyValues("exchange-integration.exchanges.binance.transformer=textTransformer",
					"exchange-integration.exchanges.binance.heartbeat.interval=50ms",
					"exchange-integration.exchanges.binance.heartbeat.message={\"op\":\"ping\"}",
					"exchange-integration.exchanges.binance.heartbeat.pong-pattern=\"op\":\"pong\"",
					"exchange-integration.exchanges.binance.heartbeat.pong-timeout=1s")
			.withUserConfiguration(TextConfiguration.class)
			.run((context) -> {
				this.server.awaitReceived(1);
				await().atMost(TIMEOUT)
					.until(() -> this.server.received().stream().filter("{\"op\":\"ping\"}"::equals).count() >= 30);
				this.server.sendText("{\"data\":1}", "{\"data\":2}");
				TextListener listener = context.getBean(TextListener.class);
				await().atMost(TIMEOUT).until(() -> listener.texts.size() >= 2);
				assertThat(listener.texts).containsExactly("{\"data\":1}", "{\"data\":2}");
				assertThat(this.server.connectionCount()).isOne();
				assertThat(recorder(context).errors()).isEmpty();
			});
	}

	@Test
	void refusedConnectionsAreRetriedWithGrowingCappedJitteredIntervalsThenConnect() {
		this.server.refuseNext(10);
		this.contextRunner
			.withPropertyValues("exchange-integration.exchanges.binance.reconnect.initial-backoff=100ms",
					"exchange-integration.exchanges.binance.reconnect.max-backoff=400ms",
					"exchange-integration.exchanges.binance.reconnect.multiplier=2",
					"exchange-integration.exchanges.binance.reconnect.jitter=0.25")
			.run((context) -> {
				this.server.awaitReceived(1);
				List<Long> attempts = this.server.connectionAttemptNanos();
				assertThat(attempts).hasSize(11);
				List<Duration> intervals = new ArrayList<>();
				for (int i = 1; i < attempts.size(); i++) {
					intervals.add(Duration.ofNanos(attempts.get(i) - attempts.get(i - 1)));
				}
				// nominal 100, 200, then capped at 400 ms; jitter +-25%, never above the
				// cap
				Duration slack = Duration.ofMillis(250);
				assertThat(intervals.get(0)).isBetween(Duration.ofMillis(75), Duration.ofMillis(125).plus(slack));
				assertThat(intervals.get(1)).isBetween(Duration.ofMillis(150), Duration.ofMillis(250).plus(slack));
				List<Duration> capped = intervals.subList(2, intervals.size());
				assertThat(capped).allSatisfy((interval) -> assertThat(interval).isBetween(Duration.ofMillis(290),
						Duration.ofMillis(400).plus(slack)));
				// without jitter no capped interval could be shorter than the cap; with
				// it,
				// each of the eight has a 90% chance to be
				assertThat(capped).as("capped intervals are jittered: %s", capped)
					.anySatisfy((interval) -> assertThat(interval).isLessThan(Duration.ofMillis(390)));
				assertThat(recorder(context).errors(ErrorKind.CONNECTION)).hasSize(10);
				sendTrades(2);
				awaitDelivered(context);
				assertEveryConsumerReceivedEverythingInOrder(context);
			});
	}

	@Test
	void attemptCounterResetsOnceAConnectionHasDeliveredData() {
		this.server.refuseNext(3);
		this.contextRunner
			.withPropertyValues("exchange-integration.exchanges.binance.reconnect.initial-backoff=100ms",
					"exchange-integration.exchanges.binance.reconnect.max-backoff=10s",
					"exchange-integration.exchanges.binance.reconnect.multiplier=4",
					"exchange-integration.exchanges.binance.reconnect.jitter=0")
			.run((context) -> {
				// refused three times: the backoff grew to 100, 400, 1600 ms
				this.server.awaitReceived(1);
				List<Long> attempts = this.server.connectionAttemptNanos();
				assertThat(Duration.ofNanos(attempts.get(3) - attempts.get(2)))
					.isGreaterThanOrEqualTo(Duration.ofMillis(1590));
				sendTrades(1);
				awaitDelivered(context);
				long lost = System.nanoTime();
				this.server.abort();
				this.server.awaitReceived(2);
				// the connection delivered data, so the next attempt waits
				// initial-backoff again
				assertThat(Duration.ofNanos(this.server.connectionAttemptNanos().get(4) - lost))
					.isBetween(Duration.ofMillis(90), Duration.ofMillis(1000));
				// one that delivered nothing lets the backoff grow: 100 then 400 ms
				this.server.abort();
				this.server.awaitReceived(3);
				this.server.abort();
				this.server.awaitReceived(4);
				List<Long> all = this.server.connectionAttemptNanos();
				assertThat(Duration.ofNanos(all.get(6) - all.get(5))).isGreaterThanOrEqualTo(Duration.ofMillis(390));
			});
	}

	@Test
	void acknowledgementsRecognisedByPatternMakeTheConnectionLive() {
		this.contextRunner
			.withPropertyValues(
					"exchange-integration.exchanges.binance.subscriptions[1]="
							+ SUBSCRIBE.replace("\"id\":1", "\"id\":2"),
					"exchange-integration.exchanges.binance.subscription-ack.pattern=\"result\":null")
			.run((context) -> {
				this.server.awaitReceived(2);
				this.server.sendText(ACK);
				sendTrades(1);
				assertThat(stream(context).state()).isEqualTo(ConnectionState.SUBSCRIBING);
				this.server.sendText("{\"result\":null,\"id\":2}");
				sendTrades(1);
				awaitDelivered(context);
				assertEveryConsumerReceivedEverythingInOrder(context);
				recorder(context).awaitState(ConnectionState.LIVE, 1);
				assertThat(stream(context).state()).isEqualTo(ConnectionState.LIVE);
				assertThat(recorder(context).errors()).isEmpty();
			});
	}

	@Test
	void connectionThatNeverOpensIsReplacedAfterConnectTimeout() throws Exception {
		try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			this.contextRunner
				.withPropertyValues(
						"exchange-integration.exchanges.binance.url=ws://127.0.0.1:" + silent.getLocalPort() + "/ws",
						"exchange-integration.exchanges.binance.connect-timeout=300ms")
				.run((context) -> {
					ExchangeErrorEvent timeout = recorder(context).awaitError(0);
					assertThat(timeout.getKind()).isEqualTo(ErrorKind.TIMEOUT);
					assertThat(timeout.getError()).isInstanceOfSatisfying(ConnectionTimeoutException.class,
							(ex) -> assertThat(ex.getTimeout()).isEqualTo(ConnectionTimeoutException.Timeout.CONNECT));
					recorder(context).awaitError(1);
					assertThat(recorder(context).transitions()).startsWith("NEW->CONNECTING",
							"CONNECTING->RECONNECTING", "RECONNECTING->CONNECTING");
				});
		}
	}

	@Test
	void rejectedSubscriptionIsReportedAndRetriedWithNoDataLostOnceAcknowledged() {
		this.contextRunner
			.withPropertyValues("exchange-integration.exchanges.binance.subscription-ack.id-pointer=/id",
					"exchange-integration.exchanges.binance.subscription-ack.rejection-pattern=\"error\"")
			.run((context) -> {
				this.server.awaitReceived(1);
				assertThat(stream(context).state()).isEqualTo(ConnectionState.SUBSCRIBING);
				this.server.sendText(REJECTION);
				this.server.awaitReceived(2);
				sendTrades(1);
				this.server.sendText(ACK);
				sendTrades(2);
				awaitDelivered(context);
				assertEveryConsumerReceivedEverythingInOrder(context);
				ExchangeErrorEvent rejected = recorder(context).awaitError(0);
				assertThat(rejected.getKind()).isEqualTo(ErrorKind.SUBSCRIPTION);
				assertThat(rejected.getError()).isInstanceOfSatisfying(SubscriptionException.class,
						(ex) -> assertThat(ex.isRejected()).isTrue());
				assertThat(rejected.getExcerpt()).isEqualTo(REJECTION);
				recorder(context).awaitState(ConnectionState.LIVE, 1);
				assertThat(recorder(context).transitions()).containsExactly("NEW->CONNECTING",
						"CONNECTING->SUBSCRIBING", "SUBSCRIBING->RECONNECTING", "RECONNECTING->CONNECTING",
						"CONNECTING->SUBSCRIBING", "SUBSCRIBING->LIVE");
			});
	}

	@Test
	void unacknowledgedSubscriptionIsReportedAndRetried() {
		this.contextRunner
			.withPropertyValues("exchange-integration.exchanges.binance.subscription-ack.id-pointer=/id",
					"exchange-integration.exchanges.binance.subscription-ack.timeout=300ms")
			.run((context) -> {
				this.server.awaitReceived(2);
				this.server.sendText(ACK);
				sendTrades(2);
				awaitDelivered(context);
				assertEveryConsumerReceivedEverythingInOrder(context);
				ExchangeErrorEvent missing = recorder(context).awaitError(0);
				assertThat(missing.getKind()).isEqualTo(ErrorKind.SUBSCRIPTION);
				assertThat(missing.getError()).isInstanceOfSatisfying(SubscriptionException.class,
						(ex) -> assertThat(ex.isRejected()).isFalse());
				assertThat(missing.getError()).hasMessageContaining("did not acknowledge 1 subscription")
					.hasMessageContaining(SUBSCRIBE);
				assertThat(stream(context).state()).isEqualTo(ConnectionState.LIVE);
			});
	}

	@Test
	void malformedJsonAndUnexpectedBinaryFramesAreReportedAndTheConnectionGoesOn() {
		this.contextRunner.run((context) -> {
			this.server.awaitReceived(1);
			sendTrades(1);
			this.server.sendText("{\"e\":\"aggTrade\",\"q\":");
			sendTrades(1);
			this.server.sendBinary("{\"e\":\"aggTrade\"}".getBytes(StandardCharsets.UTF_8));
			sendTrades(1);
			awaitDelivered(context);
			assertEveryConsumerReceivedEverythingInOrder(context);
			List<ExchangeErrorEvent> parse = recorder(context).errors(ErrorKind.PARSE);
			assertThat(parse).hasSize(2);
			assertThat(parse.get(0).getError()).isInstanceOf(tools.jackson.core.JacksonException.class);
			assertThat(parse.get(1).getError()).isInstanceOf(UnexpectedFrameException.class)
				.hasMessageContaining("binary frame of 16 bytes");
			assertThat(this.server.connectionCount()).isOne();
		});
	}

	@Test
	void invalidUtf8InATextFrameIsReportedAndTheConnectionGoesOn() {
		this.contextRunner.run((context) -> {
			this.server.awaitReceived(1);
			sendTrades(1);
			this.server.sendRawText(new byte[] { '{', '"', 'q', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' });
			sendTrades(2);
			awaitDelivered(context);
			assertEveryConsumerReceivedEverythingInOrder(context);
			ExchangeErrorEvent error = recorder(context).awaitError(0);
			assertThat(error.getKind()).isEqualTo(ErrorKind.PARSE);
			assertThat(error.getError()).hasMessageContaining("UTF-8");
			assertThat(this.server.connectionCount()).isOne();
		});
	}

	@Test
	void invalidUtf8ForAStringTransformerIsReportedRatherThanReplaced() {
		this.baseRunner.withPropertyValues("exchange-integration.exchanges.binance.transformer=textTransformer")
			.withUserConfiguration(TextConfiguration.class)
			.run((context) -> {
				this.server.awaitReceived(1);
				this.server.sendRawText(new byte[] { 'a', (byte) 0xC3, (byte) 0x28 });
				this.server.sendText("ok");
				TextListener listener = context.getBean(TextListener.class);
				await().atMost(TIMEOUT).until(() -> !listener.texts.isEmpty());
				assertThat(listener.texts).containsExactly("ok");
				ExchangeErrorEvent error = recorder(context).awaitError(0);
				assertThat(error.getKind()).isEqualTo(ErrorKind.PARSE);
				assertThat(error.getError()).isInstanceOf(UnexpectedFrameException.class)
					.hasMessage("Text frame of 3 bytes is not valid UTF-8");
			});
	}

	@Test
	void wssWithASelfSignedCertificateIsRejectedByDefault() {
		try (TestWebSocketServer secure = TestWebSocketServer.secure()) {
			this.contextRunner.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
				.withPropertyValues("exchange-integration.exchanges.binance.url=" + secure.url())
				.run((context) -> {
					ExchangeErrorEvent error = recorder(context).awaitError(0);
					assertThat(error.getKind()).isEqualTo(ErrorKind.CONNECTION);
					assertThat(error.getError()).hasRootCauseInstanceOf(CertPathBuilderException.class);
					assertThat(secure.connectionCount()).isZero();
				});
		}
	}

	@Test
	void wssWithASelfSignedCertificateIsAcceptedWithAnSslBundleThatTrustsIt() {
		try (TestWebSocketServer secure = TestWebSocketServer.secure()) {
			this.contextRunner.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
				.withPropertyValues("exchange-integration.exchanges.binance.url=" + secure.url(),
						"spring.ssl.bundle.pem.test-ca.truststore.certificate="
								+ TestWebSocketServer.CERTIFICATE_LOCATION,
						"exchange-integration.exchanges.binance.ssl.bundle=test-ca")
				.run((context) -> {
					secure.awaitReceived(1);
					assertThat(secure.received()).containsExactly(SUBSCRIBE);
					secure.sendText(BinanceMessage.trade("SUSHIUSDT", "1.5"));
					Consumers consumers = context.getBean(Consumers.class);
					await().atMost(TIMEOUT).until(() -> consumers.listened.size() == 1);
					assertThat(consumers.listened).containsExactly(new Volume("SUSHIUSDT", new BigDecimal("1.5"), 1));
					assertThat(recorder(context).errors()).isEmpty();
				});
		}
	}

	@Test
	void frameOverMaxFrameSizeIsReportedAndTheStreamReconnects() {
		this.contextRunner.withPropertyValues("exchange-integration.exchanges.binance.max-frame-size=1KB")
			.run((context) -> {
				this.server.awaitReceived(1);
				sendTrades(1);
				awaitDelivered(context);
				this.server.sendText("{\"padding\":\"" + "x".repeat(2048) + "\"}");
				ExchangeErrorEvent error = recorder(context).awaitError(0);
				this.server.awaitReceived(2);
				sendTrades(2);
				awaitDelivered(context);
				assertEveryConsumerReceivedEverythingInOrder(context);
				assertThat(error.getKind()).isIn(ErrorKind.CLOSED, ErrorKind.CONNECTION);
			});
	}

	@Test
	void fragmentedMessageOverMaxFrameSizeIsReportedAndTheStreamGoesOn() {
		this.contextRunner.withPropertyValues("exchange-integration.exchanges.binance.max-frame-size=1KB")
			.run((context) -> {
				this.server.awaitReceived(1);
				sendTrades(1);
				awaitDelivered(context);
				this.server.sendFragmentedText("{\"padding\":\"" + "x".repeat(2048) + "\"}", 512);
				recorder(context).awaitError(0);
				this.server.awaitReceived((this.server.connectionCount() > 1) ? 2 : 1);
				sendTrades(2);
				awaitDelivered(context);
				assertEveryConsumerReceivedEverythingInOrder(context);
			});
	}

	@Test
	void fluxNeverCompletesOnTransientFailuresButCompletesWhenReconnectionIsExhausted() {
		this.contextRunner.withPropertyValues("exchange-integration.exchanges.binance.reconnect.max-attempts=2")
			.run((context) -> {
				this.server.awaitReceived(1);
				sendTrades(1);
				awaitDelivered(context);
				this.server.refuseNext(10);
				this.server.abort();
				Consumers consumers = context.getBean(Consumers.class);
				await().atMost(TIMEOUT).untilTrue(consumers.completed);
				assertThat(consumers.error.get()).isNull();
				assertThat(stream(context).state()).isEqualTo(ConnectionState.STOPPED);
				ExchangeErrorEvent gaveUp = recorder(context).awaitError((error) -> error.getError()
					.getMessage()
					.contains("gave up reconnecting after 2 failed attempt(s)"));
				assertThat(gaveUp.getKind()).isEqualTo(ErrorKind.CONNECTION);
				// the first connection, then two refused attempts
				assertThat(this.server.connectionAttemptNanos()).hasSize(3);
			});
	}

	@Test
	void sendIsNotReplayedOnReconnectButAddedSubscriptionsAre() {
		this.contextRunner.run((context) -> {
			this.server.awaitReceived(1);
			ExchangeStream<Volume> stream = stream(context);
			stream.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":2}");
			stream.addSubscription("{\"method\":\"SUBSCRIBE\",\"params\":[\"ethusdt@aggTrade\"],\"id\":3}");
			this.server.awaitReceived(3);
			this.server.abort();
			this.server.awaitReceived(5);
			assertThat(this.server.received()).containsExactly(SUBSCRIBE,
					"{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":2}",
					"{\"method\":\"SUBSCRIBE\",\"params\":[\"ethusdt@aggTrade\"],\"id\":3}", SUBSCRIBE,
					"{\"method\":\"SUBSCRIBE\",\"params\":[\"ethusdt@aggTrade\"],\"id\":3}");
		});
	}

	@Test
	void sendWithoutAnOpenConnectionFailsNamingTheState() {
		this.server.refuseNext(1000);
		this.contextRunner.run((context) -> {
			recorder(context).awaitError(0);
			assertThatIllegalStateException().isThrownBy(() -> stream(context).send("{}"))
				.withMessageStartingWith("Exchange 'binance' has no open connection (state ");
		});
	}

	@Test
	void shutdownDuringAnOutageStopsPromptlyAndCompletesTheFlux() {
		this.server.refuseNext(1000);
		this.contextRunner.run((context) -> {
			recorder(context).awaitError(0);
			Consumers consumers = context.getBean(Consumers.class);
			ExchangeStream<Volume> stream = stream(context);
			long closing = System.nanoTime();
			context.close();
			assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(5));
			await().atMost(TIMEOUT).untilTrue(consumers.completed);
			assertThat(stream.state()).isEqualTo(ConnectionState.STOPPED);
			assertThat(consumers.error.get()).isNull();
		});
	}

	@Test
	void shutdownAgainstAnExchangeThatIgnoresTheCloseFrameStopsWithinTheTimeoutAndDropsTheConnection()
			throws Exception {
		try (MuteWebSocketServer mute = new MuteWebSocketServer()) {
			this.contextRunner
				.withPropertyValues("exchange-integration.exchanges.binance.url=" + mute.url(),
						"exchange-integration.shutdown-timeout=300ms")
				.run((context) -> {
					assertThat(mute.awaitOpened()).isTrue();
					ExchangeStream<Volume> stream = stream(context);
					await().atMost(TIMEOUT).until(() -> stream.state() == ConnectionState.LIVE);
					Consumers consumers = context.getBean(Consumers.class);
					long closing = System.nanoTime();
					context.close();
					assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(5));
					assertThat(stream.state()).isEqualTo(ConnectionState.STOPPED);
					assertThat(mute.awaitDropped()).isTrue();
					await().atMost(TIMEOUT).untilTrue(consumers.completed);
				});
		}
	}

	@Test
	void aTransformerStuckPastAReconnectIsNeverCalledConcurrently() {
		this.baseRunner
			.withPropertyValues("exchange-integration.exchanges.binance.transformer=stuckTransformer",
					"exchange-integration.exchanges.binance.stale-timeout=300ms")
			.withUserConfiguration(StuckTransformerConfiguration.class)
			.run((context) -> {
				StuckTransformer transformer = context.getBean(StuckTransformer.class);
				this.server.awaitReceived(1);
				this.server.sendText("first");
				// the transformer is stuck on the first frame: the watchdog replaces the
				// connection, and the new one delivers while the old thread is still
				// inside
				this.server.awaitConnections(2);
				this.server.awaitReceived(2);
				this.server.sendText("second");
				// either the second frame entered the transformer concurrently (the bug),
				// or its
				// I/O thread waits for the first call to finish
				await().atMost(TIMEOUT).until(() -> transformer.calls.size() > 1 || anIoThreadIsBlocked());
				transformer.release.countDown();
				await().atMost(TIMEOUT).until(() -> transformer.calls.size() == 2);
				assertThat(transformer.calls).containsExactly("first", "second");
				assertThat(transformer.maxConcurrent.get()).isOne();
			});
	}

	private static boolean anIoThreadIsBlocked() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.anyMatch((thread) -> thread.getName().startsWith("exchange-ws")
					&& thread.getState() == Thread.State.BLOCKED);
	}

	private void sendTrades(int count) {
		for (int i = 0; i < count; i++) {
			this.sent++;
			BigDecimal quantity = BigDecimal.valueOf(this.sent, 3);
			this.total = this.total.add(quantity);
			this.expected.add(new Volume("SUSHIUSDT", this.total, this.sent));
			this.server.sendText(BinanceMessage.trade("SUSHIUSDT", quantity.toPlainString()));
		}
	}

	private void awaitDelivered(AssertableApplicationContext context) {
		Consumers consumers = context.getBean(Consumers.class);
		await().atMost(TIMEOUT)
			.until(() -> consumers.listened.size() >= this.sent && consumers.streamed.size() >= this.sent);
	}

	private void assertEveryConsumerReceivedEverythingInOrder(AssertableApplicationContext context) {
		Consumers consumers = context.getBean(Consumers.class);
		assertThat(consumers.listened).containsExactlyElementsOf(this.expected);
		assertThat(consumers.streamed).containsExactlyElementsOf(this.expected);
		assertThat(consumers.completed).isFalse();
		assertThat(consumers.error.get()).isNull();
	}

	private static Recorder recorder(AssertableApplicationContext context) {
		return context.getBean(Recorder.class);
	}

	@SuppressWarnings("unchecked")
	private static ExchangeStream<Volume> stream(AssertableApplicationContext context) {
		return context.getBean("binance.exchangeStream", ExchangeStream.class);
	}

	@Configuration(proxyBeanMethods = false)
	static class ConsumersConfiguration {

		@Bean
		Consumers consumers(@Qualifier("binance") Flux<Volume> volumes) {
			return new Consumers(volumes);
		}

	}

	static class Consumers {

		final List<Volume> listened = new CopyOnWriteArrayList<>();

		final List<Volume> streamed = new CopyOnWriteArrayList<>();

		final AtomicBoolean completed = new AtomicBoolean();

		final AtomicReference<Throwable> error = new AtomicReference<>();

		Consumers(Flux<Volume> volumes) {
			volumes.subscribe(this.streamed::add, this.error::set, () -> this.completed.set(true));
		}

		@ExchangeListener("binance")
		void on(Volume volume) {
			this.listened.add(volume);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class StuckTransformerConfiguration {

		@Bean
		StuckTransformer stuckTransformer() {
			return new StuckTransformer();
		}

	}

	/**
	 * Blocks on its first input until released, and records how many calls overlap.
	 */
	static class StuckTransformer implements Transformer<String, String> {

		final CountDownLatch release = new CountDownLatch(1);

		final List<String> calls = new CopyOnWriteArrayList<>();

		final AtomicInteger active = new AtomicInteger();

		final AtomicInteger maxConcurrent = new AtomicInteger();

		@Override
		public void transform(String input, Consumer<? super String> out) throws InterruptedException {
			this.maxConcurrent.accumulateAndGet(this.active.incrementAndGet(), Math::max);
			try {
				this.calls.add(input);
				if (input.equals("first")) {
					this.release.await(30, TimeUnit.SECONDS);
				}
				out.accept(input);
			}
			finally {
				this.active.decrementAndGet();
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TextConfiguration {

		@Bean
		Transformer<String, String> textTransformer() {
			return (text, out) -> out.accept(text);
		}

		@Bean
		TextListener textListener() {
			return new TextListener();
		}

	}

	static class TextListener {

		final List<String> texts = new CopyOnWriteArrayList<>();

		@ExchangeListener("binance")
		void on(String text) {
			this.texts.add(text);
		}

	}

}
