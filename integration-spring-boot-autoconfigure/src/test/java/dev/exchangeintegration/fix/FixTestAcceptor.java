package dev.exchangeintegration.fix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

import javax.net.ssl.SSLContext;

import org.apache.mina.filter.ssl.SslFilter;
import org.jspecify.annotations.Nullable;
import quickfix.ApplicationAdapter;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.RejectLogon;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.field.MDEntryPx;
import quickfix.field.MDEntrySize;
import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MDUpdateAction;
import quickfix.field.MsgSeqNum;
import quickfix.field.MsgType;
import quickfix.field.SenderCompID;
import quickfix.field.SendingTime;
import quickfix.field.Symbol;
import quickfix.field.TargetCompID;
import quickfix.fix44.MarketDataIncrementalRefresh;
import quickfix.fix44.MarketDataSnapshotFullRefresh;

import static org.awaitility.Awaitility.await;

/**
 * An in-process QuickFIX/J acceptor on 127.0.0.1, the venue {@code VENUE} for FIX.4.4
 * clients: records the Logons and application messages it receives, lets a test check
 * each Logon and answer each application message, and sends, drops, logs out and skips
 * sequence numbers on demand.
 */
final class FixTestAcceptor extends ApplicationAdapter implements AutoCloseable {

	static final String VENUE = "VENUE";

	private final SocketAcceptor acceptor;

	private final int port;

	final List<Message> logons = new CopyOnWriteArrayList<>();

	final List<Message> received = new CopyOnWriteArrayList<>();

	final List<Message> logouts = new CopyOnWriteArrayList<>();

	volatile LogonCheck logonCheck = (logon) -> {
	};

	volatile BiConsumer<Message, SessionID> responder = (message, session) -> {
	};

	FixTestAcceptor(String... clients) {
		this(null, clients);
	}

	FixTestAcceptor(@Nullable SSLContext tls, String... clients) {
		this.port = freePort();
		SessionSettings settings = new SessionSettings(new Properties());
		settings.setString("ConnectionType", "acceptor");
		settings.setString("SocketAcceptAddress", "127.0.0.1");
		settings.setString("SocketAcceptPort", String.valueOf(this.port));
		settings.setString("NonStopSession", "Y");
		settings.setString("UseDataDictionary", "Y");
		settings.setString("DataDictionary", "FIX44.xml");
		settings.setString("SLF4JLogHeartbeats", "N");
		for (String client : clients) {
			SessionID id = session(client);
			settings.setString(id, "BeginString", id.getBeginString());
			settings.setString(id, "SenderCompID", id.getSenderCompID());
			settings.setString(id, "TargetCompID", id.getTargetCompID());
		}
		try {
			this.acceptor = SocketAcceptor.newBuilder()
				.withApplication(this)
				.withSettings(settings)
				.withMessageStoreFactory(new MemoryStoreFactory())
				.withLogFactory(new SLF4JLogFactory(settings))
				.withMessageFactory(new DefaultMessageFactory())
				.build();
			if (tls != null) {
				SslFilter filter = new SslFilter(tls);
				this.acceptor.setIoFilterChainBuilder((chain) -> chain.addFirst("tls", filter));
			}
			this.acceptor.start();
		}
		catch (ConfigError ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Accept Logons again on every session, after a test logged one out.
	 */
	void enableSessions() {
		for (SessionID id : this.acceptor.getSessions()) {
			Session.lookupSession(id).logon();
		}
	}

	int port() {
		return this.port;
	}

	static SessionID session(String client) {
		return new SessionID("FIX.4.4", VENUE, client);
	}

	Session awaitLoggedOn(String client) {
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			Session session = Session.lookupSession(session(client));
			return session != null && session.isLoggedOn();
		});
		return Session.lookupSession(session(client));
	}

	void send(String client, Message message) {
		try {
			Session.sendToTarget(message, session(client));
		}
		catch (SessionNotFound ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Drop the TCP connection without a Logout.
	 */
	void drop(String client) throws IOException {
		awaitLoggedOn(client).disconnect("dropped by the test", false);
	}

	/**
	 * Store a message as sent, under the next sequence number, without sending it: the
	 * client sees a gap at the next message, and asks for it again.
	 */
	void skip(String client, Message message) throws IOException {
		Session session = awaitLoggedOn(client);
		int seq = session.getStore().getNextSenderMsgSeqNum();
		message.getHeader().setString(quickfix.field.BeginString.FIELD, "FIX.4.4");
		message.getHeader().setString(SenderCompID.FIELD, VENUE);
		message.getHeader().setString(TargetCompID.FIELD, client);
		message.getHeader().setInt(MsgSeqNum.FIELD, seq);
		message.getHeader().setUtcTimeStamp(SendingTime.FIELD, LocalDateTime.now(ZoneOffset.UTC));
		session.getStore().set(seq, message.toString());
		session.getStore().incrNextSenderMsgSeqNum();
	}

	List<Message> awaitReceived(String msgType, int count) {
		Predicate<Message> ofType = (message) -> msgType.equals(type(message));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.received.stream().filter(ofType).count() >= count);
		return this.received.stream().filter(ofType).toList();
	}

	static String type(Message message) {
		try {
			return message.getHeader().getString(MsgType.FIELD);
		}
		catch (FieldNotFound ex) {
			return "";
		}
	}

	static String mdReqId(Message request) throws FieldNotFound {
		return request.getString(MDReqID.FIELD);
	}

	static MarketDataSnapshotFullRefresh snapshot(String mdReqId, String symbol, String bid, String offer) {
		MarketDataSnapshotFullRefresh snapshot = new MarketDataSnapshotFullRefresh();
		snapshot.set(new MDReqID(mdReqId));
		snapshot.set(new Symbol(symbol));
		MarketDataSnapshotFullRefresh.NoMDEntries bidEntry = new MarketDataSnapshotFullRefresh.NoMDEntries();
		bidEntry.set(new MDEntryType(MDEntryType.BID));
		bidEntry.setString(MDEntryPx.FIELD, bid);
		bidEntry.setString(MDEntrySize.FIELD, "1");
		snapshot.addGroup(bidEntry);
		MarketDataSnapshotFullRefresh.NoMDEntries offerEntry = new MarketDataSnapshotFullRefresh.NoMDEntries();
		offerEntry.set(new MDEntryType(MDEntryType.OFFER));
		offerEntry.setString(MDEntryPx.FIELD, offer);
		offerEntry.setString(MDEntrySize.FIELD, "1");
		snapshot.addGroup(offerEntry);
		return snapshot;
	}

	static MarketDataIncrementalRefresh trade(String mdReqId, String symbol, String price, String size) {
		MarketDataIncrementalRefresh refresh = new MarketDataIncrementalRefresh();
		refresh.set(new MDReqID(mdReqId));
		MarketDataIncrementalRefresh.NoMDEntries entry = new MarketDataIncrementalRefresh.NoMDEntries();
		entry.set(new MDUpdateAction(MDUpdateAction.NEW));
		entry.set(new MDEntryType(MDEntryType.TRADE));
		entry.set(new Symbol(symbol));
		entry.setString(MDEntryPx.FIELD, price);
		entry.setString(MDEntrySize.FIELD, size);
		refresh.addGroup(entry);
		return refresh;
	}

	@Override
	public void fromAdmin(Message message, SessionID sessionId) throws RejectLogon {
		String type = type(message);
		if (MsgType.LOGON.equals(type)) {
			this.logons.add(message);
			this.logonCheck.check(message);
		}
		else if (MsgType.LOGOUT.equals(type)) {
			this.logouts.add(message);
		}
	}

	@Override
	public void fromApp(Message message, SessionID sessionId) {
		this.received.add(message);
		this.responder.accept(message, sessionId);
	}

	@Override
	public void close() {
		this.acceptor.stop(true);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Checks a Logon as the venue would, rejecting it when it does not verify.
	 */
	@FunctionalInterface
	interface LogonCheck {

		void check(Message logon) throws RejectLogon;

	}

}
