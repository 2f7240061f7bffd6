package dev.exchangeintegration.sample.fix;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import dev.exchangeintegration.sample.replay.CaptureFrame;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import quickfix.ApplicationAdapter;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.field.MDEntryPx;
import quickfix.field.MDEntrySize;
import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MDUpdateAction;
import quickfix.field.MsgType;
import quickfix.field.Symbol;
import quickfix.fix44.MarketDataIncrementalRefresh;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * A FIX 4.4 venue on 127.0.0.1, {@code VENUE} to the client {@code SAMPLE}: answers each
 * MarketDataRequest by replaying the capture's aggregate trades, in a loop and at the
 * capture's pace, as MarketDataIncrementalRefresh messages with one trade entry each.
 */
public class FixReplayVenue extends ApplicationAdapter implements InitializingBean, DisposableBean {

	private static final Log logger = LogFactory.getLog(FixReplayVenue.class);

	private final List<CaptureFrame> trades;

	private final double speed;

	private final SocketAcceptor acceptor;

	private volatile Thread replay;

	public FixReplayVenue(List<CaptureFrame> trades, int port, double speed) throws ConfigError {
		this.trades = trades;
		this.speed = speed;
		SessionSettings settings = new SessionSettings(new Properties());
		SessionID session = new SessionID("FIX.4.4", "VENUE", "SAMPLE");
		settings.setString("ConnectionType", "acceptor");
		settings.setString("SocketAcceptAddress", "127.0.0.1");
		settings.setString("SocketAcceptPort", String.valueOf(port));
		settings.setString("NonStopSession", "Y");
		settings.setString("UseDataDictionary", "Y");
		settings.setString("DataDictionary", "FIX44.xml");
		settings.setString(session, "BeginString", session.getBeginString());
		settings.setString(session, "SenderCompID", session.getSenderCompID());
		settings.setString(session, "TargetCompID", session.getTargetCompID());
		settings.setString("SLF4JLogIncomingMessageCategory", "sample.fix.venue.incoming");
		settings.setString("SLF4JLogOutgoingMessageCategory", "sample.fix.venue.outgoing");
		this.acceptor = SocketAcceptor.newBuilder()
			.withApplication(this)
			.withSettings(settings)
			.withMessageStoreFactory(new MemoryStoreFactory())
			.withLogFactory(new SLF4JLogFactory(settings))
			.withMessageFactory(new DefaultMessageFactory())
			.build();
	}

	@Override
	public void afterPropertiesSet() throws ConfigError {
		this.acceptor.start();
	}

	@Override
	public void destroy() {
		stopReplay();
		this.acceptor.stop(true);
	}

	@Override
	public void fromApp(Message message, SessionID sessionId) throws FieldNotFound {
		if (MsgType.MARKET_DATA_REQUEST.equals(message.getHeader().getString(MsgType.FIELD))) {
			String requestId = message.getString(MDReqID.FIELD);
			stopReplay();
			Thread thread = new Thread(() -> replay(sessionId, requestId), "sample-fix-venue");
			thread.setDaemon(true);
			this.replay = thread;
			thread.start();
		}
	}

	private void replay(SessionID sessionId, String requestId) {
		JsonMapper json = JsonMapper.shared();
		try {
			while (!Thread.currentThread().isInterrupted()) {
				long start = System.nanoTime();
				for (CaptureFrame trade : this.trades) {
					long due = start + (long) (trade.offset().toNanos() / this.speed);
					long wait = due - System.nanoTime();
					if (wait > 0) {
						Thread.sleep(Duration.ofNanos(wait).toMillis(), (int) (wait % 1_000_000));
					}
					Session session = Session.lookupSession(sessionId);
					if (session == null || !session.isLoggedOn()) {
						return;
					}
					session.send(refresh(requestId, json.readTree(trade.text())));
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			logger.warn("Replay over FIX stopped", ex);
		}
	}

	private static MarketDataIncrementalRefresh refresh(String requestId, JsonNode aggTrade) {
		MarketDataIncrementalRefresh refresh = new MarketDataIncrementalRefresh();
		refresh.set(new MDReqID(requestId));
		MarketDataIncrementalRefresh.NoMDEntries entry = new MarketDataIncrementalRefresh.NoMDEntries();
		entry.set(new MDUpdateAction(MDUpdateAction.NEW));
		entry.set(new MDEntryType(MDEntryType.TRADE));
		entry.set(new Symbol(aggTrade.get("s").asString()));
		// the capture's decimal text, as it is
		entry.setString(MDEntryPx.FIELD, aggTrade.get("p").asString());
		entry.setString(MDEntrySize.FIELD, aggTrade.get("q").asString());
		refresh.addGroup(entry);
		return refresh;
	}

	private void stopReplay() {
		Thread current = this.replay;
		if (current != null) {
			current.interrupt();
		}
	}

	@Override
	public void onLogout(SessionID sessionId) {
		stopReplay();
	}

}
