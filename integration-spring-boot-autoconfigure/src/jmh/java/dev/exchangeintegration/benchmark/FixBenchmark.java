package dev.exchangeintegration.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.exchangeintegration.annotation.ExchangeListener;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;
import dev.exchangeintegration.core.Transformer;
import dev.exchangeintegration.fix.FixAutoConfiguration;
import quickfix.ApplicationAdapter;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.Group;
import quickfix.Log;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MarketDepth;
import quickfix.field.NoMDEntryTypes;
import quickfix.field.NoRelatedSym;
import quickfix.field.SubscriptionRequestType;
import quickfix.field.Symbol;
import quickfix.fix44.MarketDataIncrementalRefresh;
import quickfix.fix44.MarketDataRequest;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Market-data refreshes per second from a loopback FIX venue ({@link FixFloodVenue})
 * through the starter (the {@code fix} transport, a {@code Transformer} and one
 * {@code @ExchangeListener}) next to a bare QuickFIX/J initiator counting the same
 * messages in {@code fromApp}, in the same run. Both use the same QuickFIX/J settings:
 * FIX.4.4, the standard data dictionary with validation, a memory store and no message
 * log. Each reads every message's MDReqID(262), the message's index, and checks it
 * against the one before.
 * <p>
 * A warm-up round, then {@code benchmark.rounds} rounds of each contender in alternating
 * order, each timed from its first message to its last. The last line reads
 * {@code RESULT bare=...k/s starter=...k/s (0.95x) messages=... rounds=... loss=none}:
 * the medians of the messages per second, and the median of the starter's ratio to the
 * bare initiator of the same round. System property {@code benchmark.fix.messages},
 * messages per round (200,000 by default).
 */
public final class FixBenchmark {

	private static final Duration STALL_TIMEOUT = Duration.ofSeconds(120);

	private FixBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int messages = Integer.getInteger("benchmark.fix.messages", 200_000);
		int rounds = Integer.getInteger("benchmark.rounds", 3);
		System.out
			.println("JDK " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
					+ " CPUs, " + messages + " messages, " + rounds + " rounds after a warm-up round");
		List<Double> bare = new ArrayList<>();
		List<Double> starter = new ArrayList<>();
		List<Double> ratios = new ArrayList<>();
		boolean lost = false;
		try (FixFloodVenue venue = new FixFloodVenue(messages)) {
			for (int round = 0; round <= rounds; round++) {
				FixTally bareFixTally;
				FixTally starterFixTally;
				if (round % 2 == 0) {
					bareFixTally = runBare(venue.port(), messages);
					starterFixTally = runStarter(venue.port(), messages);
				}
				else {
					starterFixTally = runStarter(venue.port(), messages);
					bareFixTally = runBare(venue.port(), messages);
				}
				String label = (round == 0) ? "warm-up  " : "round " + round + "  ";
				System.out.println(label + "bare " + bareFixTally + "  starter " + starterFixTally);
				lost |= !bareFixTally.complete(messages) || !starterFixTally.complete(messages);
				if (round > 0) {
					bare.add(bareFixTally.perSecond());
					starter.add(starterFixTally.perSecond());
					ratios.add(starterFixTally.perSecond() / bareFixTally.perSecond());
				}
				System.gc();
			}
		}
		System.out.printf("RESULT bare=%dk/s starter=%dk/s (%.2fx) messages=%d rounds=%d loss=%s%n",
				Math.round(median(bare) / 1000), Math.round(median(starter) / 1000), median(ratios), messages, rounds,
				lost ? "yes" : "none");
		System.exit(0);
	}

	private static FixTally runBare(int port, int messages) throws Exception {
		FixTally tally = new FixTally(messages);
		SessionSettings settings = settings(port, "BARE");
		SocketInitiator initiator = SocketInitiator.newBuilder()
			.withApplication(new BareApplication(tally))
			.withSettings(settings)
			.withMessageStoreFactory(new MemoryStoreFactory())
			.withLogFactory((sessionId) -> NO_LOG)
			.withMessageFactory(new DefaultMessageFactory())
			.withQueueWatermarks(1024, 4096)
			.build();
		initiator.start();
		try {
			tally.await();
		}
		finally {
			initiator.stop();
		}
		return tally;
	}

	private static FixTally runStarter(int port, int messages) throws Exception {
		FixTally tally = new FixTally(messages);
		String fix = "exchange-integration.exchanges.fix-bench.fix.";
		ConfigurableApplicationContext context = new SpringApplicationBuilder(StarterApplication.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.initializers((ctx) -> ctx.getBeanFactory().registerSingleton("fixTally", tally))
			.properties("logging.level.root=WARN", "spring.main.banner-mode=off",
					"exchange-integration.exchanges.fix-bench.protocol=fix",
					"exchange-integration.exchanges.fix-bench.transformer=fixBenchIndex", fix + "host=127.0.0.1",
					fix + "port=" + port, fix + "sender-comp-id=STARTER", fix + "target-comp-id=VENUE",
					fix + "reset-on-logon=true", fix + "market-data.symbols=BTCUSDT",
					fix + "market-data.entry-types=trade", fix + "settings.CheckLatency=N")
			.run();
		try {
			tally.await();
		}
		finally {
			context.close();
		}
		return tally;
	}

	private static SessionSettings settings(int port, String sender) {
		SessionSettings settings = new SessionSettings(new Properties());
		SessionID id = new SessionID("FIX.4.4", sender, "VENUE");
		settings.setString(id, "BeginString", "FIX.4.4");
		settings.setString(id, "SenderCompID", sender);
		settings.setString(id, "TargetCompID", "VENUE");
		settings.setString(id, "ConnectionType", "initiator");
		settings.setString(id, "SocketConnectHost", "127.0.0.1");
		settings.setString(id, "SocketConnectPort", String.valueOf(port));
		settings.setString(id, "HeartBtInt", "30");
		settings.setString(id, "ResetOnLogon", "Y");
		settings.setString(id, "NonStopSession", "Y");
		settings.setString(id, "UseDataDictionary", "Y");
		settings.setString(id, "DataDictionary", "FIX44.xml");
		settings.setString(id, "ValidateIncomingMessage", "Y");
		settings.setString(id, "CheckLatency", "N");
		settings.setString(id, "ReconnectInterval", "86400");
		return settings;
	}

	private static double median(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	static long index(Message message) throws FieldNotFound {
		return Long.parseLong(message.getString(MDReqID.FIELD));
	}

	private static final Log NO_LOG = new Log() {

		@Override
		public void clear() {
		}

		@Override
		public void onIncoming(String message) {
		}

		@Override
		public void onOutgoing(String message) {
		}

		@Override
		public void onEvent(String text) {
		}

		@Override
		public void onErrorEvent(String text) {
		}

	};

	/**
	 * Counts messages, checks their order, and times the first to the last.
	 */
	static final class FixTally {

		private final int expected;

		private final CountDownLatch done = new CountDownLatch(1);

		private long count;

		private long last;

		private long breaks;

		private long firstNanos;

		private long lastNanos;

		FixTally(int expected) {
			this.expected = expected;
		}

		void accept(long index) {
			long now = System.nanoTime();
			if (this.count == 0) {
				this.firstNanos = now;
			}
			if (index != this.last + 1) {
				this.breaks++;
			}
			this.last = index;
			this.count++;
			this.lastNanos = now;
			if (this.count == this.expected) {
				this.done.countDown();
			}
		}

		void await() throws InterruptedException {
			if (!this.done.await(STALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				System.out.println("stalled after " + this.count + " messages");
			}
		}

		boolean complete(int messages) {
			return this.count == messages && this.breaks == 0;
		}

		double perSecond() {
			return (this.count - 1) * 1e9 / Math.max(1, this.lastNanos - this.firstNanos);
		}

		@Override
		public String toString() {
			return Math.round(perSecond() / 1000) + "k/s" + ((this.breaks > 0) ? " breaks=" + this.breaks : "");
		}

	}

	/**
	 * The bare initiator: requests the market data on logon, counts in {@code fromApp}.
	 */
	static final class BareApplication extends ApplicationAdapter {

		private final FixTally tally;

		BareApplication(FixTally tally) {
			this.tally = tally;
		}

		@Override
		public void onCreate(SessionID sessionId) {
		}

		@Override
		public void onLogon(SessionID sessionId) {
			MarketDataRequest request = new MarketDataRequest(new MDReqID("bare-1"),
					new SubscriptionRequestType(SubscriptionRequestType.SNAPSHOT_UPDATES), new MarketDepth(1));
			Group type = new Group(NoMDEntryTypes.FIELD, MDEntryType.FIELD);
			type.setChar(MDEntryType.FIELD, MDEntryType.TRADE);
			request.addGroup(type);
			Group symbol = new Group(NoRelatedSym.FIELD, Symbol.FIELD);
			symbol.setString(Symbol.FIELD, "BTCUSDT");
			request.addGroup(symbol);
			Session.lookupSession(sessionId).send(request);
		}

		@Override
		public void onLogout(SessionID sessionId) {
		}

		@Override
		public void toAdmin(Message message, SessionID sessionId) {
		}

		@Override
		public void fromAdmin(Message message, SessionID sessionId) {
		}

		@Override
		public void toApp(Message message, SessionID sessionId) {
		}

		@Override
		public void fromApp(Message message, SessionID sessionId) throws FieldNotFound {
			if (message instanceof MarketDataIncrementalRefresh) {
				this.tally.accept(index(message));
			}
		}

	}

	/**
	 * The starter's application: the {@code fix} transport, a transformer reading each
	 * refresh's index, and one listener on its own thread counting them.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ExchangeIntegrationAutoConfiguration.class, FixAutoConfiguration.class })
	static class StarterApplication {

		@Bean
		Transformer<MarketDataIncrementalRefresh, Long> fixBenchIndex() {
			return new IndexTransformer();
		}

		@Bean
		FixTallyListener tallyListener(FixTally tally) {
			return new FixTallyListener(tally);
		}

	}

	static final class IndexTransformer implements Transformer<MarketDataIncrementalRefresh, Long> {

		@Override
		public void transform(MarketDataIncrementalRefresh message, Consumer<? super Long> out) throws FieldNotFound {
			out.accept(index(message));
		}

	}

	static final class FixTallyListener {

		private final FixTally tally;

		FixTallyListener(FixTally tally) {
			this.tally = tally;
		}

		@ExchangeListener("fix-bench")
		void on(Long index) {
			this.tally.accept(index);
		}

	}

}
