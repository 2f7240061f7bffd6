package dev.exchangeintegration.fix;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;
import dev.exchangeintegration.core.ConnectionState;
import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.core.ExchangeStream;
import dev.exchangeintegration.event.ExchangeErrorEvent;
import dev.exchangeintegration.record.RecordingAutoConfiguration;
import dev.exchangeintegration.replay.CaptureReader;
import dev.exchangeintegration.replay.CapturedFrame;
import dev.exchangeintegration.test.Recorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.field.AvgPx;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.ExecID;
import quickfix.field.ExecType;
import quickfix.field.LeavesQty;
import quickfix.field.MDReqRejReason;
import quickfix.field.MsgType;
import quickfix.field.OrdStatus;
import quickfix.field.OrdType;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.field.TransactTime;
import quickfix.fix44.ExecutionReport;
import quickfix.fix44.MarketDataRequestReject;
import quickfix.fix44.NewOrderSingle;

import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static dev.exchangeintegration.test.ConfigurationFailures.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * A {@code protocol: fix} exchange against an in-process QuickFIX/J acceptor on
 * 127.0.0.1: logon, market data after every logon, typed messages, rejects and logouts as
 * error events, order entry through the stream, reconnection and gap fill.
 */
class FixTransportTests {

	private static final FixTestAcceptor acceptor = new FixTestAcceptor("CLIENT", "CLIENT2", "CLIENT3");

	private static final String FIX = "exchange-integration.exchanges.venue.fix.";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				ExchangeIntegrationAutoConfiguration.class, FixAutoConfiguration.class))
		.withBean("described", FixEntries.Described.class)
		.withBean(FixEntries.Collector.class)
		.withBean(Recorder.class)
		.withPropertyValues("exchange-integration.shutdown-timeout=3s",
				"exchange-integration.exchanges.venue.protocol=fix",
				"exchange-integration.exchanges.venue.transformer=described",
				"exchange-integration.exchanges.venue.reconnect.initial-backoff=100ms",
				"exchange-integration.exchanges.venue.reconnect.max-backoff=500ms", FIX + "host=127.0.0.1",
				FIX + "port=" + acceptor.port(), FIX + "sender-comp-id=CLIENT", FIX + "target-comp-id=VENUE",
				FIX + "heartbeat-interval=5s", FIX + "reset-on-logon=true", FIX + "username=alice",
				FIX + "password=secret-password", FIX + "market-data.symbols=BTC-USD,ETH-USD");

	@BeforeEach
	void resetAcceptor() {
		acceptor.logons.clear();
		acceptor.received.clear();
		acceptor.logouts.clear();
		acceptor.logonCheck = (logon) -> {
		};
		acceptor.responder = (message, session) -> {
		};
		acceptor.enableSessions();
	}

	@AfterAll
	static void stopAcceptor() {
		acceptor.close();
	}

	@Test
	void snapshotAndIncrementalRefreshesReachTheTransformerInOrderAfterLogonAndRequest() {
		acceptor.responder = (message, session) -> {
			if (MsgType.MARKET_DATA_REQUEST.equals(FixTestAcceptor.type(message))) {
				String id = mdReqId(message);
				acceptor.send("CLIENT", FixTestAcceptor.snapshot(id, "BTC-USD", "29999.5", "30000.5"));
				acceptor.send("CLIENT", FixTestAcceptor.trade(id, "BTC-USD", "30000.5", "0.25"));
				acceptor.send("CLIENT", FixTestAcceptor.trade(id, "ETH-USD", "2000.25", "3"));
				acceptor.send("CLIENT", FixTestAcceptor.trade(id, "BTC-USD", "30001", "0.5"));
			}
		};
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			FixEntries.Collector collector = context.getBean(FixEntries.Collector.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> collector.lines.size() >= 4);
			assertThat(collector.lines).containsExactly("W BTC-USD 0 29999.5 1 1 30000.5 1", "X BTC-USD 2 30000.5 0.25",
					"X ETH-USD 2 2000.25 3", "X BTC-USD 2 30001 0.5");
			Message logon = acceptor.logons.get(0);
			assertThat(logon.getString(553)).isEqualTo("alice");
			assertThat(logon.getString(554)).isEqualTo("secret-password");
			Message request = acceptor.awaitReceived(MsgType.MARKET_DATA_REQUEST, 1).get(0);
			assertThat(request.getChar(263)).isEqualTo('1');
			assertThat(request.getInt(264)).isEqualTo(1);
			assertThat(request.getGroups(146)).extracting((group) -> group.getString(55))
				.containsExactly("BTC-USD", "ETH-USD");
			assertThat(request.getGroups(267)).extracting((group) -> group.getChar(269)).containsExactly('0', '1', '2');
			assertThat(context.getBean(Recorder.class).transitions()).containsExactly("NEW->CONNECTING",
					"CONNECTING->SUBSCRIBING", "SUBSCRIBING->LIVE");
		});
	}

	@Test
	void marketDataRequestRejectIsAnErrorEventAndTheStreamGoesOn() {
		acceptor.responder = (message, session) -> {
			if (MsgType.MARKET_DATA_REQUEST.equals(FixTestAcceptor.type(message))) {
				MarketDataRequestReject reject = new MarketDataRequestReject();
				reject.setString(262, mdReqId(message));
				reject.set(new MDReqRejReason(MDReqRejReason.UNKNOWN_SYMBOL));
				reject.set(new Text("Unknown symbol ETH-USD"));
				acceptor.send("CLIENT", reject);
				acceptor.send("CLIENT", FixTestAcceptor.trade(mdReqId(message), "BTC-USD", "30000.5", "1"));
			}
		};
		this.contextRunner.run((context) -> {
			Recorder recorder = context.getBean(Recorder.class);
			ExchangeErrorEvent error = recorder.awaitError((event) -> event.getKind() == ErrorKind.REJECTED);
			assertThat(error.getError()).isInstanceOf(FixSessionException.class)
				.hasMessage("Exchange 'venue' received a MarketDataRequestReject: Unknown symbol ETH-USD");
			FixEntries.Collector collector = context.getBean(FixEntries.Collector.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> !collector.lines.isEmpty());
			assertThat(collector.lines).containsExactly("X BTC-USD 2 30000.5 1");
			assertThat(recorder.transitions()).doesNotContain("LIVE->RECONNECTING");
		});
	}

	@Test
	void droppedConnectionLogsOnAgainAndResubscribesWithANewRequestId() {
		AtomicInteger requests = new AtomicInteger();
		acceptor.responder = (message, session) -> {
			if (MsgType.MARKET_DATA_REQUEST.equals(FixTestAcceptor.type(message))) {
				acceptor.send("CLIENT", FixTestAcceptor.trade(mdReqId(message), "BTC-USD",
						String.valueOf(requests.incrementAndGet()), "1"));
			}
		};
		this.contextRunner.run((context) -> {
			FixEntries.Collector collector = context.getBean(FixEntries.Collector.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> collector.lines.size() == 1);
			acceptor.drop("CLIENT");
			await().atMost(Duration.ofSeconds(10)).until(() -> collector.lines.size() == 2);
			assertThat(collector.lines).containsExactly("X BTC-USD 2 1 1", "X BTC-USD 2 2 1");
			List<Message> sent = acceptor.awaitReceived(MsgType.MARKET_DATA_REQUEST, 2);
			assertThat(mdReqId(sent.get(0))).isNotEqualTo(mdReqId(sent.get(1)));
			assertThat(acceptor.logons).hasSize(2);
			Recorder recorder = context.getBean(Recorder.class);
			assertThat(recorder.errors(ErrorKind.CLOSED)).hasSize(1);
			assertThat(recorder.transitions()).containsSubsequence("SUBSCRIBING->LIVE", "LIVE->RECONNECTING",
					"RECONNECTING->CONNECTING", "CONNECTING->SUBSCRIBING", "SUBSCRIBING->LIVE");
		});
	}

	@Test
	void logoutWithTextIsAnErrorEventWithThatTextThenTheSessionLogsOnAgain() {
		this.contextRunner.run((context) -> {
			acceptor.awaitLoggedOn("CLIENT").logout("Maintenance window");
			Recorder recorder = context.getBean(Recorder.class);
			ExchangeErrorEvent error = recorder.awaitError((event) -> event.getKind() == ErrorKind.CLOSED);
			assertThat(error.getError()).hasMessageContaining("Logout: Maintenance window");
			// the venue's logout disabled its session: let it accept the next Logon
			acceptor.enableSessions();
			await().atMost(Duration.ofSeconds(10)).until(() -> acceptor.logons.size() == 2);
			acceptor.awaitReceived(MsgType.MARKET_DATA_REQUEST, 2);
		});
	}

	@Test
	void newOrderSingleSentThroughTheStreamComesBackAsAnExecutionReport() {
		acceptor.responder = (message, session) -> {
			if (NewOrderSingle.MSGTYPE.equals(FixTestAcceptor.type(message))) {
				ExecutionReport report = new ExecutionReport(new OrderID("order-1"), new ExecID("exec-1"),
						new ExecType(ExecType.NEW), new OrdStatus(OrdStatus.NEW), new Side(Side.BUY),
						new LeavesQty(0.5), new CumQty(0), new AvgPx(0));
				report.set(new ClOrdID(get(message, ClOrdID.FIELD)));
				report.set(new Symbol(get(message, Symbol.FIELD)));
				acceptor.send("CLIENT", report);
			}
		};
		this.contextRunner.withPropertyValues(FIX + "market-data.symbols=").run((context) -> {
			ExchangeStream<?> stream = BeanFactoryAnnotationUtils.qualifiedBeanOfType(context.getBeanFactory(),
					ExchangeStream.class, "venue");
			await().atMost(Duration.ofSeconds(10)).until(() -> stream.state() == ConnectionState.LIVE);
			NewOrderSingle order = new NewOrderSingle(new ClOrdID("client-1"), new Side(Side.BUY),
					new TransactTime(LocalDateTime.now()), new OrdType(OrdType.MARKET));
			order.set(new Symbol("BTC-USD"));
			order.set(new OrderQty(0.5));
			stream.send(order);
			FixEntries.Collector collector = context.getBean(FixEntries.Collector.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> !collector.lines.isEmpty());
			assertThat(collector.lines).containsExactly("8 BTC-USD order-1 0");
			assertThat(get(acceptor.awaitReceived(NewOrderSingle.MSGTYPE, 1).get(0), ClOrdID.FIELD))
				.isEqualTo("client-1");
		});
	}

	@Test
	void sendingWhileLoggedOutFailsAtOnce() {
		this.contextRunner.withPropertyValues(FIX + "port=1").run((context) -> {
			ExchangeStream<?> stream = BeanFactoryAnnotationUtils.qualifiedBeanOfType(context.getBeanFactory(),
					ExchangeStream.class, "venue");
			assertThatIllegalStateException().isThrownBy(() -> stream.send(new NewOrderSingle()))
				.withMessageContaining("Exchange 'venue' has no open connection");
			Recorder recorder = context.getBean(Recorder.class);
			assertThat(recorder.awaitError((event) -> event.getKind() == ErrorKind.CONNECTION).getError())
				.hasMessageContaining("Connection refused");
		});
	}

	@Test
	void aSequenceGapIsFilledWithNoMessageMissingOrDeliveredTwice() {
		acceptor.responder = (message, session) -> {
			if (MsgType.MARKET_DATA_REQUEST.equals(FixTestAcceptor.type(message))) {
				String id = mdReqId(message);
				acceptor.send("CLIENT", FixTestAcceptor.trade(id, "BTC-USD", "1", "1"));
				try {
					acceptor.skip("CLIENT", FixTestAcceptor.trade(id, "BTC-USD", "2", "1"));
				}
				catch (java.io.IOException ex) {
					throw new IllegalStateException(ex);
				}
				acceptor.send("CLIENT", FixTestAcceptor.trade(id, "BTC-USD", "3", "1"));
				acceptor.send("CLIENT", FixTestAcceptor.trade(id, "BTC-USD", "4", "1"));
			}
		};
		this.contextRunner.run((context) -> {
			FixEntries.Collector collector = context.getBean(FixEntries.Collector.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> collector.lines.size() >= 4);
			acceptor.awaitReceived(MsgType.MARKET_DATA_REQUEST, 1);
			String id = mdReqId(acceptor.received.get(0));
			// a message after the gap fill: anything delivered twice would come before it
			acceptor.send("CLIENT", FixTestAcceptor.trade(id, "BTC-USD", "5", "1"));
			await().atMost(Duration.ofSeconds(10)).until(() -> collector.lines.contains("X BTC-USD 2 5 1"));
			assertThat(collector.lines).containsExactly("X BTC-USD 2 1 1", "X BTC-USD 2 2 1", "X BTC-USD 2 3 1",
					"X BTC-USD 2 4 1", "X BTC-USD 2 5 1");
		});
	}

	@Test
	void aMessageTheDictionaryRejectsIsAParseErrorAndTheSessionGoesOn() {
		acceptor.responder = (message, session) -> {
			if (MsgType.MARKET_DATA_REQUEST.equals(FixTestAcceptor.type(message))) {
				String id = mdReqId(message);
				Message invalid = FixTestAcceptor.trade(id, "BTC-USD", "1", "1");
				invalid.getGroups(268).get(0).setChar(279, 'Z');
				acceptor.send("CLIENT", invalid);
				acceptor.send("CLIENT", FixTestAcceptor.trade(id, "BTC-USD", "2", "1"));
			}
		};
		this.contextRunner.run((context) -> {
			Recorder recorder = context.getBean(Recorder.class);
			ExchangeErrorEvent error = recorder.awaitError((event) -> event.getKind() == ErrorKind.PARSE);
			assertThat(error.getError()).hasMessageContaining("Exchange 'venue'").hasMessageContaining("279");
			FixEntries.Collector collector = context.getBean(FixEntries.Collector.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> !collector.lines.isEmpty());
			assertThat(collector.lines).containsExactly("X BTC-USD 2 2 1");
		});
	}

	@Test
	void shutdownSendsALogout() {
		this.contextRunner.run((context) -> {
			ExchangeStream<?> stream = BeanFactoryAnnotationUtils.qualifiedBeanOfType(context.getBeanFactory(),
					ExchangeStream.class, "venue");
			await().atMost(Duration.ofSeconds(10)).until(() -> stream.state() == ConnectionState.SUBSCRIBING);
			long start = System.nanoTime();
			context.close();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
			await().atMost(Duration.ofSeconds(5)).until(() -> acceptor.logouts.size() == 1);
			assertThat(acceptor.logouts.get(0).getString(Text.FIELD)).isEqualTo("client stopping");
		});
	}

	@Test
	void eachExchangeHasItsOwnSessionAndTheInputTypeChoosesTheMessages() {
		acceptor.responder = (message, session) -> {
			if (MsgType.MARKET_DATA_REQUEST.equals(FixTestAcceptor.type(message))) {
				String client = session.getTargetCompID();
				String id = mdReqId(message);
				acceptor.send(client, FixTestAcceptor.snapshot(id, "BTC-USD", "1", "2"));
				acceptor.send(client, FixTestAcceptor.trade(id, "BTC-USD", "3", "4"));
			}
		};
		this.contextRunner.withBean("incremental", FixEntries.Incremental.class)
			.withBean("raw", FixEntries.Raw.class)
			.withBean(FixEntries.TypedCollector.class)
			.withBean(FixEntries.RawCollector.class)
			.withPropertyValues(exchange("typed", "CLIENT2", "incremental"))
			.withPropertyValues(exchange("raw", "CLIENT3", "raw"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				List<String> typedLines = context.getBean(FixEntries.TypedCollector.class).lines;
				List<String> rawLines = context.getBean(FixEntries.RawCollector.class).lines;
				FixEntries.Collector collector = context.getBean(FixEntries.Collector.class);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> collector.lines.size() == 2 && typedLines.size() == 1 && rawLines.size() == 2);
				assertThat(collector.lines).containsExactly("W BTC-USD 0 1 1 1 2 1", "X BTC-USD 2 3 4");
				assertThat(typedLines).containsExactly("incremental X BTC-USD 2 3 4");
				assertThat(rawLines.get(0)).startsWith("8=FIX.4.4|")
					.contains("|35=W|")
					.contains("|49=VENUE|", "|56=CLIENT3|");
				assertThat(rawLines.get(1)).contains("|35=X|").endsWith("|");
				assertThat(acceptor.logons).extracting((logon) -> logon.getHeader().getString(49))
					.containsExactlyInAnyOrder("CLIENT", "CLIENT2", "CLIENT3");
			});
	}

	@Test
	void twoExchangesWithTheSameSessionIdFailNamingBoth() {
		this.contextRunner.withPropertyValues(exchange("copy", "CLIENT", "described"))
			.run((context) -> assertThat(
					assertInvalid(context.getStartupFailure(), "exchange-integration.exchanges.copy.fix.sender-comp-id",
							"Exchanges 'venue' and 'copy' have the same FIX session id FIX.4.4:CLIENT->VENUE.")
						.getReason())
				.endsWith("Give each exchange its own sender-comp-id, target-comp-id or session-qualifier."));
	}

	@Test
	void missingHostFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues(FIX + "host=")
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.venue.fix.host", "Exchange 'venue' has no FIX host."));
	}

	@Test
	void unknownSignerFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues(FIX + "signer=nope")
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.venue.fix.signer",
					"Exchange 'venue' has FIX signer 'nope', which is neither built in nor a FixLogonSigner bean."));
	}

	@Test
	void rawSubscriptionThatIsNotFixFailsStartupNamingIt() {
		this.contextRunner.withPropertyValues(FIX + "subscriptions[0]=262=1|263=1")
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.venue.fix.subscriptions[0]",
					"Exchange 'venue' has FIX subscription '262=1|263=1', which is not a FIX message"));
	}

	@Test
	void rawSubscriptionsAreSentAfterTheMarketDataRequest() {
		this.contextRunner
			.withPropertyValues(FIX + "subscriptions[0]=35=V|262=raw-1|263=1|264=0|267=1|269=2|146=1|55=SOL-USD")
			.run((context) -> {
				List<Message> requests = acceptor.awaitReceived(MsgType.MARKET_DATA_REQUEST, 2);
				assertThat(mdReqId(requests.get(1))).isEqualTo("raw-1");
				assertThat(requests.get(1).getGroups(146).get(0).getString(55)).isEqualTo("SOL-USD");
			});
	}

	@Test
	void rawSubscriptionsOfTheExchangeLevelSubscriptionsKeyAreSentToo() {
		this.contextRunner
			.withPropertyValues("exchange-integration.exchanges.venue.subscriptions[0]="
					+ "35=V|262=raw-2|263=1|264=0|267=1|269=2|146=1|55=ETH-USD")
			.run((context) -> {
				List<Message> requests = acceptor.awaitReceived(MsgType.MARKET_DATA_REQUEST, 2);
				assertThat(mdReqId(requests.get(1))).isEqualTo("raw-2");
				assertThat(requests.get(1).getGroups(146).get(0).getString(55)).isEqualTo("ETH-USD");
			});
	}

	@Test
	void exchangeLevelRawSubscriptionThatIsNotFixFailsStartupNamingIt() {
		this.contextRunner.withPropertyValues("exchange-integration.exchanges.venue.subscriptions[0]=262=1|263=1")
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.venue.subscriptions[0]",
					"Exchange 'venue' has FIX subscription '262=1|263=1', which is not a FIX message"));
	}

	@Test
	void aRecordedFixExchangeWritesTheMessagesItReceivesAndTheRequestsItSends(@TempDir Path directory)
			throws IOException {
		acceptor.responder = (message, session) -> {
			if (MsgType.MARKET_DATA_REQUEST.equals(FixTestAcceptor.type(message))) {
				acceptor.send("CLIENT", FixTestAcceptor.trade(mdReqId(message), "BTC-USD", "30000.5", "0.25"));
				acceptor.send("CLIENT", FixTestAcceptor.trade(mdReqId(message), "ETH-USD", "2000.25", "3"));
			}
		};
		Path capture = directory.resolve("venue.capture");
		this.contextRunner.withConfiguration(AutoConfigurations.of(RecordingAutoConfiguration.class))
			.withPropertyValues("exchange-integration.exchanges.venue.record.path=" + capture)
			.run((context) -> {
				FixEntries.Collector collector = context.getBean(FixEntries.Collector.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> collector.lines.size() >= 2);
				assertThat(collector.lines).containsExactly("X BTC-USD 2 30000.5 0.25", "X ETH-USD 2 2000.25 3");
			});
		List<CapturedFrame> frames = CaptureReader.readAll(capture);
		assertThat(frames).filteredOn((frame) -> !frame.sent())
			.extracting((frame) -> frame.text().replace('\u0001', '|'))
			.satisfiesExactly((first) -> assertThat(first).contains("|35=X|").contains("|55=BTC-USD|"),
					(second) -> assertThat(second).contains("|35=X|").contains("|55=ETH-USD|"));
		assertThat(frames).filteredOn(CapturedFrame::sent)
			.extracting((frame) -> frame.text().replace('\u0001', '|'))
			.singleElement()
			.satisfies((request) -> assertThat(request).contains("35=V|").contains("|262=*|").contains("|55=BTC-USD|"));
	}

	@Test
	void rejectTextWithControlCharactersIsEscapedInTheErrorEvent() {
		acceptor.responder = (message, session) -> {
			if (MsgType.MARKET_DATA_REQUEST.equals(FixTestAcceptor.type(message))) {
				MarketDataRequestReject reject = new MarketDataRequestReject();
				reject.setString(262, mdReqId(message));
				reject.set(new MDReqRejReason(MDReqRejReason.UNKNOWN_SYMBOL));
				reject.set(new Text("bad\r\nFORGED-LOG-LINE ERROR \u001b[31m"));
				acceptor.send("CLIENT", reject);
			}
		};
		this.contextRunner.run((context) -> {
			ExchangeErrorEvent error = context.getBean(Recorder.class)
				.awaitError((event) -> event.getKind() == ErrorKind.REJECTED);
			assertThat(error.getError()).hasMessage("Exchange 'venue' received a MarketDataRequestReject: "
					+ "bad\\r\\nFORGED-LOG-LINE ERROR \\u001b[31m");
		});
	}

	private static String[] exchange(String name, String client, String transformer) {
		String prefix = "exchange-integration.exchanges." + name + ".";
		return new String[] { prefix + "protocol=fix", prefix + "transformer=" + transformer,
				prefix + "fix.host=127.0.0.1", prefix + "fix.port=" + acceptor.port(),
				prefix + "fix.sender-comp-id=" + client, prefix + "fix.target-comp-id=VENUE",
				prefix + "fix.reset-on-logon=true", prefix + "fix.market-data.symbols=BTC-USD" };
	}

	private static String mdReqId(Message message) {
		return get(message, 262);
	}

	private static String get(Message message, int tag) {
		try {
			return message.getString(tag);
		}
		catch (FieldNotFound ex) {
			throw new IllegalStateException(ex);
		}
	}

}
