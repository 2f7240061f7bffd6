package dev.exchangeintegration.fix;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.exchangeintegration.core.CloseStatus;
import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.core.Excerpts;
import dev.exchangeintegration.core.Transport;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.InvalidMessage;
import quickfix.Message;
import quickfix.MessageStore;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SessionStateListener;
import quickfix.SocketInitiator;
import quickfix.field.MsgSeqNum;
import quickfix.field.MsgType;
import quickfix.field.PossDupFlag;
import quickfix.field.Text;
import reactor.core.publisher.MonoSink;

/**
 * One connection attempt of a FIX exchange: a QuickFIX/J initiator of its own, started
 * for this attempt and stopped when it ends, whatever ends it (a Logout, a lost
 * connection, a refused one, a rejected Logon), so that the stream's own reconnection is
 * the only one. The connection is open once the session is logged on.
 * <p>
 * Application messages go to the stream as {@link FixFrame frames} in the order
 * QuickFIX/J delivers them, after it has checked their sequence numbers and filled gaps.
 * MarketDataRequestReject (Y), BusinessMessageReject (j) and Reject (3) are reported as
 * {@link ErrorKind#REJECTED} errors; messages QuickFIX/J finds invalid or garbled as
 * {@link ErrorKind#PARSE} errors; the connection goes on.
 */
final class FixConnection implements Application, Transport.Outbound {

	private static final Log logger = LogFactory.getLog(FixConnection.class);

	/**
	 * Messages queued by QuickFIX/J for the stream at which it stops reading the socket,
	 * and at which it reads again.
	 */
	private static final int QUEUE_HIGH = 4096;

	private static final int QUEUE_LOW = 1024;

	private final FixSessionSpec spec;

	private final Transport.Handler handler;

	private final MonoSink<CloseStatus> sink;

	private final FixTransport.Deliveries deliveries;

	private final AtomicBoolean ended = new AtomicBoolean();

	private final Object pauseLock = new Object();

	private volatile boolean paused;

	private volatile @Nullable Session session;

	private volatile @Nullable String logoutText;

	private @Nullable SocketInitiator initiator;

	private final MessageStore memoryStore;

	FixConnection(FixSessionSpec spec, Transport.Handler handler, MonoSink<CloseStatus> sink,
			FixTransport.Deliveries deliveries, MessageStore memoryStore) {
		this.spec = spec;
		this.memoryStore = memoryStore;
		this.handler = handler;
		this.sink = sink;
		this.deliveries = deliveries;
	}

	void start() {
		try {
			SessionSettings settings = this.spec.sessionSettings();
			SocketInitiator started = SocketInitiator.newBuilder()
				.withApplication(this)
				.withSettings(settings)
				.withMessageStoreFactory(this.spec.storeFactory(settings, this.memoryStore))
				.withLogFactory((sessionId) -> new Events())
				.withMessageFactory(new DefaultMessageFactory())
				.withQueueWatermarks(QUEUE_LOW, QUEUE_HIGH)
				.build();
			if (this.spec.sslContext() != null) {
				FixTlsFilter tls = new FixTlsFilter(this.spec.sslContext(), this.spec.host(),
						Integer.parseInt(this.spec.settings().get("SocketConnectPort")));
				started.setIoFilterChainBuilder((chain) -> chain.addFirst("exchangeTls", tls));
			}
			synchronized (this) {
				this.initiator = started;
			}
			started.start();
		}
		catch (ConfigError | RuntimeException ex) {
			end(null, ex);
		}
	}

	/**
	 * Stop at once, without waiting: the stream has given up on this connection.
	 */
	void dispose() {
		this.ended.set(true);
		resumeReading();
		stopInitiator();
	}

	@Override
	public void onCreate(SessionID sessionId) {
	}

	@Override
	public void onLogon(SessionID sessionId) {
		this.session = Session.lookupSession(sessionId);
		if (!this.ended.get()) {
			this.handler.onOpen(this);
		}
	}

	@Override
	public void onLogout(SessionID sessionId) {
		end(closeStatus(), null);
	}

	@Override
	public void toAdmin(Message message, SessionID sessionId) {
		if (isType(message, MsgType.LOGON)) {
			try {
				this.spec.signer().sign(message, this.spec.credentials());
			}
			catch (Exception ex) {
				end(null, new IllegalStateException(
						"Exchange '" + this.spec.exchange() + "' could not sign its FIX Logon: " + ex.getMessage(),
						ex));
			}
		}
	}

	@Override
	public void fromAdmin(Message message, SessionID sessionId) {
		if (isType(message, MsgType.REJECT)) {
			rejected(message, "Reject");
		}
		else if (isType(message, MsgType.LOGOUT) && message.isSetField(Text.FIELD)) {
			this.logoutText = optional(message, Text.FIELD);
		}
	}

	@Override
	public void toApp(Message message, SessionID sessionId) {
	}

	@Override
	public void fromApp(Message message, SessionID sessionId) throws FieldNotFound {
		awaitResumed();
		if (this.ended.get()) {
			return;
		}
		String msgType = message.getHeader().getString(MsgType.FIELD);
		if (MsgType.MARKET_DATA_REQUEST_REJECT.equals(msgType)) {
			rejected(message, "MarketDataRequestReject");
			return;
		}
		if (MsgType.BUSINESS_MESSAGE_REJECT.equals(msgType)) {
			rejected(message, "BusinessMessageReject");
			return;
		}
		int msgSeqNum = message.getHeader().getInt(MsgSeqNum.FIELD);
		boolean possDup = message.getHeader().isSetField(PossDupFlag.FIELD)
				&& message.getHeader().getBoolean(PossDupFlag.FIELD);
		if (this.deliveries.accept(msgSeqNum, possDup)) {
			this.handler.onFrame(new FixFrame(message, msgType, msgSeqNum));
		}
	}

	/**
	 * Send a {@code quickfix.Message}, a subscription, or tag=value text on the session.
	 */
	@Override
	public void send(Object message) {
		Session current = this.session;
		if (current == null || this.ended.get() || !current.isLoggedOn()) {
			throw new IllegalStateException("Exchange '" + this.spec.exchange() + "' FIX session "
					+ this.spec.sessionId() + " is not logged on: nothing was sent");
		}
		if (!current.send(toMessage(message))) {
			throw new IllegalStateException("Exchange '" + this.spec.exchange() + "' FIX session "
					+ this.spec.sessionId() + " did not send the message");
		}
	}

	private Message toMessage(Object message) {
		if (message instanceof Message fix) {
			return fix;
		}
		if (message instanceof FixSubscription subscription) {
			return subscription.create(this.deliveries.nextRequestId());
		}
		if (message instanceof String raw) {
			try {
				return this.spec.dictionary().parse(this.spec.sessionId().getBeginString(), raw);
			}
			catch (InvalidMessage ex) {
				throw new IllegalArgumentException("Not a FIX message: '" + raw + "': " + ex.getMessage(), ex);
			}
		}
		throw new IllegalArgumentException("A FIX session sends quickfix.Message or tag=value text, not " + message);
	}

	@Override
	public void pauseReading() {
		synchronized (this.pauseLock) {
			this.paused = true;
		}
	}

	@Override
	public void resumeReading() {
		synchronized (this.pauseLock) {
			this.paused = false;
			this.pauseLock.notifyAll();
		}
	}

	/**
	 * Log out; the connection ends when the exchange answers, or after the session's
	 * logout timeout.
	 */
	@Override
	public void close(String reason) {
		Session current = this.session;
		if (current != null && current.isLoggedOn()) {
			current.logout(reason);
		}
		else {
			end(new CloseStatus(0, "closed by the client"), null);
		}
	}

	/**
	 * Block QuickFIX/J's thread while the stream has paused reading: its queue fills, and
	 * it stops reading the socket.
	 */
	private void awaitResumed() {
		if (!this.paused) {
			return;
		}
		synchronized (this.pauseLock) {
			while (this.paused && !this.ended.get()) {
				try {
					this.pauseLock.wait();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	private void rejected(Message message, String what) {
		String text = optional(message, Text.FIELD);
		this.handler
			.onError(ErrorKind.REJECTED,
					new FixSessionException("Exchange '" + this.spec.exchange() + "' received a " + what
							+ ((text != null) ? ": " + Excerpts.escape(text) : "")),
					FixFrame.excerpt(message.toString()));
	}

	private CloseStatus closeStatus() {
		String text = this.logoutText;
		return new CloseStatus(0, (text != null) ? "Logout: " + text : "FIX session disconnected");
	}

	/**
	 * End this attempt once: stop the initiator, on a thread of its own since QuickFIX/J
	 * must not be stopped from its own threads, then complete the connection, so that the
	 * next attempt never meets this one's session.
	 */
	private void end(@Nullable CloseStatus status, @Nullable Throwable error) {
		if (!this.ended.compareAndSet(false, true)) {
			return;
		}
		resumeReading();
		Thread stopper = new Thread(() -> {
			stopInitiator();
			if (error != null) {
				this.sink.error(error);
			}
			else {
				this.sink.success(status);
			}
		}, "exchange-fix-" + this.spec.exchange() + "-end");
		stopper.setDaemon(true);
		stopper.start();
	}

	private void stopInitiator() {
		SocketInitiator current;
		synchronized (this) {
			current = this.initiator;
			this.initiator = null;
		}
		if (current != null) {
			current.stop(true);
		}
	}

	private static boolean isType(Message message, String msgType) {
		return msgType.equals(optional(message.getHeader(), MsgType.FIELD));
	}

	private static @Nullable String optional(quickfix.FieldMap fields, int tag) {
		try {
			return fields.isSetField(tag) ? fields.getString(tag) : null;
		}
		catch (FieldNotFound ex) {
			return null;
		}
	}

	/**
	 * QuickFIX/J's log and session events of this connection: events go to this class's
	 * logger, messages at DEBUG only; errors about invalid messages are reported.
	 */
	private final class Events implements quickfix.Log, SessionStateListener {

		@Override
		public void clear() {
		}

		@Override
		public void onIncoming(String message) {
			if (logger.isTraceEnabled()) {
				logger.trace(FixConnection.this.spec.exchange() + " < " + FixFrame.excerpt(message));
			}
		}

		@Override
		public void onOutgoing(String message) {
			if (logger.isTraceEnabled()) {
				logger.trace(FixConnection.this.spec.exchange() + " > " + FixFrame.excerpt(message));
			}
		}

		@Override
		public void onEvent(String text) {
			if (logger.isDebugEnabled()) {
				logger.debug(FixConnection.this.spec.exchange() + ": " + Excerpts.escape(text));
			}
		}

		@Override
		public void onErrorEvent(String text) {
			if (isInvalidMessage(text)) {
				FixConnection.this.handler.onError(ErrorKind.PARSE,
						new FixSessionException(
								"Exchange '" + FixConnection.this.spec.exchange() + "': " + Excerpts.escape(text)),
						FixFrame.excerpt(text));
			}
			else if (logger.isDebugEnabled()) {
				logger.debug(FixConnection.this.spec.exchange() + ": " + Excerpts.escape(text));
			}
		}

		private static boolean isInvalidMessage(String text) {
			String lower = text.toLowerCase();
			return lower.contains("invalid message") || lower.contains("garbled");
		}

		@Override
		public void onConnectException(SessionID sessionId, Exception exception) {
			end(null, exception);
		}

		@Override
		public void onDisconnect(SessionID sessionId) {
			end(closeStatus(), null);
		}

		@Override
		public void onReset(SessionID sessionId) {
			FixConnection.this.deliveries.reset();
		}

	}

}
