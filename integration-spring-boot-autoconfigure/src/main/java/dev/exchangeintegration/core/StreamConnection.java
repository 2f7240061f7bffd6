package dev.exchangeintegration.core;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One connection of a {@link DefaultExchangeStream}: sends the subscriptions, tracks
 * their acknowledgements, answers for heartbeats and watches for silence. It ends by
 * erroring its {@link #run signal flux} (so that the stream reconnects) or by completing
 * it when the stream stops. It knows its stream only through a {@link ConnectionContext}.
 * <p>
 * While its reads are paused for a consumer that is behind, silence is the stream's own
 * doing: the stale and pong timeouts do not run.
 */
final class StreamConnection implements Transport.Handler {

	/**
	 * Emitted once per connection when it first delivers data while live: the signal that
	 * resets the reconnection attempt counter.
	 */
	static final Object HEALTHY = new Object();

	private static final Duration MIN_TICK = Duration.ofMillis(10);

	private static final Duration EMIT_TIMEOUT = Duration.ofSeconds(1);

	private static final Duration MAX_TICK = Duration.ofSeconds(1);

	/**
	 * The status of a connection whose transport ended it without one.
	 */
	private static final CloseStatus NO_STATUS = new CloseStatus(0, "connection ended without a close status");

	private static final JsonMapper json = JsonMapper.shared();

	private final ConnectionContext context;

	private final StreamSettings settings;

	private final boolean tracksActivity;

	private final Sinks.Many<Object> signals = Sinks.many().unicast().onBackpressureBuffer();

	private final AtomicBoolean ended = new AtomicBoolean();

	private final Disposable.Composite resources = Disposables.composite();

	private final long startedAt = System.nanoTime();

	private final Deque<PendingAck> pendingAcks = new ArrayDeque<>();

	private volatile Transport.@Nullable Outbound outbound;

	private volatile long lastDataAt = this.startedAt;

	private volatile long unansweredPingSince;

	private volatile boolean subscribing;

	private volatile boolean readsPaused;

	private boolean healthy;

	StreamConnection(ConnectionContext context) {
		this.context = context;
		this.settings = context.settings();
		this.tracksActivity = this.settings.tracksActivity();
	}

	boolean hasEnded() {
		return this.ended.get();
	}

	/**
	 * Connect, and return the signals of this connection: {@link #HEALTHY} once, then an
	 * error when the connection is lost or replaced, or completion when the stream stops.
	 */
	Flux<Object> run(Transport transport, Scheduler timer) {
		return Flux.defer(() -> {
			this.resources
				.add(transport.connect(this).subscribe(this::onClosed, this::onFailed, () -> onClosed(NO_STATUS)));
			Duration tick = watchdogTick();
			if (tick != null) {
				this.resources
					.add(timer.schedulePeriodically(this::watch, tick.toNanos(), tick.toNanos(), TimeUnit.NANOSECONDS));
			}
			HeartbeatSpec heartbeat = this.settings.heartbeat();
			if (heartbeat != null) {
				long interval = heartbeat.interval().toNanos();
				this.resources.add(timer.schedulePeriodically(this::ping, interval, interval, TimeUnit.NANOSECONDS));
			}
			return this.signals.asFlux();
		}).doFinally((signal) -> this.resources.dispose());
	}

	@Override
	public void onOpen(Transport.Outbound outbound) {
		if (this.ended.get()) {
			return;
		}
		if (this.context.isStopping()) {
			this.outbound = outbound;
			outbound.close("client stopping");
			return;
		}
		this.lastDataAt = System.nanoTime();
		// a subscription added meanwhile is either among these or sent once outbound is
		// set, never both
		this.context.withSubscriptions((subscriptions) -> subscribe(outbound, subscriptions));
		if (!this.subscribing) {
			changeState(ConnectionState.LIVE, null);
		}
	}

	private void subscribe(Transport.Outbound outbound, List<Object> subscriptions) {
		SubscriptionAckSpec ack = this.settings.subscriptionAck();
		if (ack != null && !subscriptions.isEmpty()) {
			synchronized (this.pendingAcks) {
				for (Object subscription : subscriptions) {
					this.pendingAcks.add(new PendingAck(expectedId(ack, subscription), describe(subscription)));
				}
			}
			this.subscribing = true;
			changeState(ConnectionState.SUBSCRIBING, null);
		}
		for (Object subscription : subscriptions) {
			outbound.send(subscription);
		}
		this.outbound = outbound;
	}

	private static String describe(Object subscription) {
		if (subscription instanceof String text) {
			return text;
		}
		if (subscription instanceof byte[] bytes) {
			return "binary message of " + bytes.length + " bytes";
		}
		return subscription.toString();
	}

	@Override
	public void onFrame(Frame frame) {
		if (this.ended.get()) {
			return;
		}
		long receivedAt = System.nanoTime();
		HeartbeatSpec heartbeat = this.settings.heartbeat();
		// pongs answer pings: only look for one while a ping is unanswered, so that data
		// frames are not decoded to text for the test
		if (this.unansweredPingSince != 0 && heartbeat != null && heartbeat.pongPattern() != null
				&& isPong(frame, heartbeat)) {
			onPong();
			return;
		}
		if (this.tracksActivity) {
			this.lastDataAt = receivedAt;
		}
		if (this.subscribing && isAcknowledgement(frame)) {
			return;
		}
		this.context.onFrame(this, frame, receivedAt);
		if (!this.healthy && !this.subscribing) {
			this.healthy = true;
			this.signals.emitNext(HEALTHY, Sinks.EmitFailureHandler.busyLooping(EMIT_TIMEOUT));
		}
	}

	@Override
	public void onReadComplete() {
		if (!this.ended.get()) {
			this.context.onReadComplete(this);
		}
	}

	@Override
	public void onPong() {
		this.unansweredPingSince = 0;
	}

	/**
	 * Send a frame if the connection is open.
	 * @return whether it was sent
	 */
	boolean send(Object message) {
		Transport.Outbound out = this.outbound;
		if (out == null || this.ended.get()) {
			return false;
		}
		out.send(message);
		return true;
	}

	/**
	 * Stop reading, for a consumer that is behind, if the connection is open.
	 * @return whether reads were paused
	 */
	boolean pauseReading() {
		Transport.Outbound out = this.outbound;
		if (out == null || this.ended.get()) {
			return false;
		}
		this.readsPaused = true;
		out.pauseReading();
		return true;
	}

	/**
	 * Resume reading after {@link #pauseReading()}.
	 */
	void resumeReading() {
		Transport.Outbound out = this.outbound;
		if (out != null && this.readsPaused) {
			this.readsPaused = false;
			if (!this.ended.get()) {
				out.resumeReading();
			}
		}
	}

	/**
	 * Start a graceful close if the connection is open.
	 * @return whether a close was started
	 */
	boolean close(String reason) {
		Transport.Outbound out = this.outbound;
		if (out == null || this.ended.get()) {
			return false;
		}
		out.close(reason);
		return true;
	}

	private static boolean isPong(Frame frame, HeartbeatSpec heartbeat) {
		return frame.type() == FrameType.TEXT && frame.length() <= HeartbeatSpec.MAX_PONG_LENGTH
				&& heartbeat.pongPattern().matcher(textOrEmpty(frame)).find();
	}

	/**
	 * Return the frame's text, or an empty string when it is not valid UTF-8: such a
	 * frame is neither a pong nor an acknowledgement, and the parser reports it.
	 */
	private static String textOrEmpty(Frame frame) {
		try {
			return frame.toText();
		}
		catch (UnexpectedFrameException ex) {
			return "";
		}
	}

	/**
	 * Consume the frame if it acknowledges or rejects a pending subscription.
	 */
	private boolean isAcknowledgement(Frame frame) {
		SubscriptionAckSpec ack = this.settings.subscriptionAck();
		if (ack == null || frame.type() != FrameType.TEXT) {
			return false;
		}
		String text = textOrEmpty(frame);
		if (ack.rejectionPattern() != null && ack.rejectionPattern().matcher(text).find()) {
			fail(ErrorKind.SUBSCRIPTION, SubscriptionException.rejected(this.settings.name(), frame.excerpt()),
					frame.excerpt());
			return true;
		}
		boolean acknowledged;
		boolean allAcknowledged;
		synchronized (this.pendingAcks) {
			if (ack.pattern() != null) {
				acknowledged = ack.pattern().matcher(text).find() && this.pendingAcks.pollFirst() != null;
			}
			else {
				Object id = idOf(text, ack);
				acknowledged = id != null && this.pendingAcks.removeIf((pending) -> pending.id().equals(id));
			}
			allAcknowledged = this.pendingAcks.isEmpty();
		}
		if (acknowledged && allAcknowledged) {
			this.subscribing = false;
			changeState(ConnectionState.LIVE, null);
		}
		return acknowledged;
	}

	/**
	 * Return the id a subscription's acknowledgement carries; a subscription without one
	 * gets an id nothing matches, so that it times out and is reported.
	 */
	private static Object expectedId(SubscriptionAckSpec ack, Object subscription) {
		if (ack.idPointer() == null) {
			return subscription;
		}
		if (!(subscription instanceof String text)) {
			return new Object();
		}
		Object id = idOf(text, ack);
		return (id != null) ? id : new Object();
	}

	private static @Nullable Object idOf(String text, SubscriptionAckSpec ack) {
		try {
			JsonNode id = json.readTree(text).at(ack.idPointer());
			return (id.isMissingNode() || id.isNull()) ? null : id;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private void ping() {
		Transport.Outbound out = this.outbound;
		HeartbeatSpec heartbeat = this.settings.heartbeat();
		if (out == null || heartbeat == null || this.ended.get()) {
			return;
		}
		if (this.unansweredPingSince == 0) {
			this.unansweredPingSince = System.nanoTime();
		}
		try {
			if (heartbeat.message() != null) {
				out.send(heartbeat.message());
			}
			else {
				out.ping();
			}
		}
		catch (RuntimeException ex) {
			fail(ErrorKind.CONNECTION, ex, null);
		}
	}

	private void watch() {
		if (this.ended.get()) {
			return;
		}
		long now = System.nanoTime();
		Duration connectTimeout = this.settings.connectTimeout();
		if (this.outbound == null) {
			if (connectTimeout != null && now - this.startedAt >= connectTimeout.toNanos()) {
				timeout(ConnectionTimeoutException.Timeout.CONNECT, connectTimeout);
			}
			return;
		}
		if (this.readsPaused) {
			// not reading is the stream's doing: the time paused counts as activity
			this.lastDataAt = now;
			if (this.unansweredPingSince != 0) {
				this.unansweredPingSince = now;
			}
			return;
		}
		SubscriptionAckSpec ack = this.settings.subscriptionAck();
		if (this.subscribing && ack != null && now - this.lastDataAt >= ack.timeout().toNanos()) {
			int pending;
			String first;
			synchronized (this.pendingAcks) {
				pending = this.pendingAcks.size();
				PendingAck oldest = this.pendingAcks.peekFirst();
				first = (oldest != null) ? Excerpts.of(oldest.subscription(), oldest.subscription().length()) : null;
			}
			fail(ErrorKind.SUBSCRIPTION,
					SubscriptionException.notAcknowledged(this.settings.name(), pending, first, ack.timeout()), null);
			return;
		}
		Duration staleTimeout = this.settings.staleTimeout();
		if (staleTimeout != null && now - this.lastDataAt >= staleTimeout.toNanos()) {
			timeout(ConnectionTimeoutException.Timeout.STALE, staleTimeout);
			return;
		}
		HeartbeatSpec heartbeat = this.settings.heartbeat();
		long pingSince = this.unansweredPingSince;
		if (heartbeat != null && heartbeat.pongTimeout() != null && pingSince != 0
				&& now - pingSince >= heartbeat.pongTimeout().toNanos()) {
			timeout(ConnectionTimeoutException.Timeout.PONG, heartbeat.pongTimeout());
		}
	}

	private void timeout(ConnectionTimeoutException.Timeout timeout, Duration after) {
		fail(ErrorKind.TIMEOUT, new ConnectionTimeoutException(this.settings.name(), timeout, after), null);
	}

	/**
	 * The tick of the watchdog: a fifth of the shortest timeout, so each fires at most
	 * 20% late; none when there is no timeout.
	 */
	private @Nullable Duration watchdogTick() {
		List<Duration> timeouts = new ArrayList<>();
		add(timeouts, this.settings.connectTimeout());
		add(timeouts, this.settings.staleTimeout());
		SubscriptionAckSpec ack = this.settings.subscriptionAck();
		if (ack != null) {
			timeouts.add(ack.timeout());
		}
		HeartbeatSpec heartbeat = this.settings.heartbeat();
		if (heartbeat != null) {
			add(timeouts, heartbeat.pongTimeout());
		}
		Duration shortest = timeouts.stream().min(Duration::compareTo).orElse(null);
		if (shortest == null) {
			return null;
		}
		Duration tick = shortest.dividedBy(5);
		return (tick.compareTo(MIN_TICK) < 0) ? MIN_TICK : (tick.compareTo(MAX_TICK) > 0) ? MAX_TICK : tick;
	}

	private static void add(List<Duration> timeouts, @Nullable Duration timeout) {
		if (timeout != null) {
			timeouts.add(timeout);
		}
	}

	private void onClosed(CloseStatus status) {
		if (this.context.isStopping()) {
			end();
			return;
		}
		fail(ErrorKind.CLOSED, new ConnectionClosedException(this.settings.name(), status), null, status);
	}

	private void onFailed(Throwable error) {
		if (this.context.isStopping()) {
			end();
			return;
		}
		fail(ErrorKind.CONNECTION, error, null);
	}

	private void fail(ErrorKind kind, Throwable cause, @Nullable String excerpt) {
		fail(kind, cause, excerpt, null);
	}

	/**
	 * Report why this connection ends, then end it; the stream reconnects unless
	 * reconnection is disabled.
	 */
	private void fail(ErrorKind kind, Throwable cause, @Nullable String excerpt, @Nullable CloseStatus status) {
		if (this.context.isStopping()) {
			end();
			return;
		}
		if (!this.ended.compareAndSet(false, true)) {
			return;
		}
		this.context.report(kind, cause, excerpt, status);
		if (this.settings.reconnects()) {
			changeState(ConnectionState.RECONNECTING, cause);
		}
		// HEALTHY may be in flight on the I/O thread: retry rather than lose the end
		this.signals.emitError(cause, Sinks.EmitFailureHandler.busyLooping(EMIT_TIMEOUT));
	}

	private void end() {
		if (this.ended.compareAndSet(false, true)) {
			this.signals.emitComplete(Sinks.EmitFailureHandler.busyLooping(EMIT_TIMEOUT));
		}
	}

	private record PendingAck(Object id, String subscription) {

	}

	private void changeState(ConnectionState state, @Nullable Throwable cause) {
		this.context.changeState(this, state, cause);
	}

}
