package dev.exchangeintegration.core;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

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

	private static final Duration EMIT_TIMEOUT = Duration.ofSeconds(1);

	/**
	 * The status of a connection whose transport ended it without one.
	 */
	private static final CloseStatus NO_STATUS = new CloseStatus(0, "connection ended without a close status");

	private final ConnectionContext context;

	private final StreamSettings settings;

	private final boolean tracksActivity;

	private final Sinks.Many<Object> signals = Sinks.many().unicast().onBackpressureBuffer();

	private final AtomicBoolean ended = new AtomicBoolean();

	private final Disposable.Composite resources = Disposables.composite();

	private final @Nullable PendingAcks pendingAcks;

	private final Liveness liveness;

	private volatile Transport.@Nullable Outbound outbound;

	private volatile boolean subscribing;

	private volatile boolean awaitingData;

	private boolean healthy;

	StreamConnection(ConnectionContext context) {
		this.context = context;
		this.settings = context.settings();
		this.tracksActivity = this.settings.tracksActivity();
		this.liveness = new Liveness(this.settings);
		SubscriptionAckSpec ack = this.settings.subscriptionAck();
		this.pendingAcks = (ack != null) ? new PendingAcks(ack) : null;
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
			Duration tick = this.settings.watchdogTick();
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
		this.liveness.dataAt(System.nanoTime());
		// a subscription added meanwhile is either among these or sent once outbound is
		// set, never both
		this.context.withSubscriptions((subscriptions) -> subscribe(outbound, subscriptions));
		if (!this.subscribing && !this.awaitingData) {
			changeState(ConnectionState.LIVE, null);
		}
	}

	private void subscribe(Transport.Outbound outbound, List<Object> subscriptions) {
		PendingAcks acks = this.pendingAcks;
		if (acks != null && !subscriptions.isEmpty()) {
			acks.expect(subscriptions);
			this.subscribing = true;
			changeState(ConnectionState.SUBSCRIBING, null);
		}
		else if (this.settings.liveOnData() && !subscriptions.isEmpty()) {
			// no acknowledgement but the data itself: live once it flows
			this.awaitingData = true;
			changeState(ConnectionState.SUBSCRIBING, null);
		}
		for (Object subscription : subscriptions) {
			outbound.send(subscription);
		}
		this.outbound = outbound;
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
		if (this.liveness.awaitsPong() && heartbeat != null && heartbeat.pongPattern() != null
				&& isPong(frame, heartbeat)) {
			onPong();
			return;
		}
		if (this.tracksActivity) {
			this.liveness.dataAt(receivedAt);
		}
		if (this.subscribing && isAcknowledgement(frame)) {
			return;
		}
		if (this.awaitingData) {
			this.awaitingData = false;
			changeState(ConnectionState.LIVE, null);
		}
		this.context.onFrame(this, frame, receivedAt);
		if (!this.healthy && !this.subscribing) {
			this.healthy = true;
			this.signals.emitNext(HEALTHY, Sinks.EmitFailureHandler.busyLooping(EMIT_TIMEOUT));
		}
	}

	@Override
	public void onReadComplete() {
		this.context.onReadComplete(this);
	}

	@Override
	public void onError(ErrorKind kind, Throwable error, @Nullable String excerpt) {
		if (!this.ended.get()) {
			this.context.report(kind, error, excerpt, null);
		}
	}

	@Override
	public DeliveryCheckpoint checkpoint() {
		return this.context.checkpoint(this);
	}

	@Override
	public void onPong() {
		this.liveness.ponged();
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
		this.liveness.readsPaused(true);
		out.pauseReading();
		return true;
	}

	/**
	 * Resume reading after {@link #pauseReading()}.
	 */
	void resumeReading() {
		Transport.Outbound out = this.outbound;
		if (out != null && this.liveness.readsPaused()) {
			this.liveness.readsPaused(false);
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

	/**
	 * End this connection now, without reporting an error, and let the stream reconnect
	 * with its usual backoff.
	 * @return whether the connection was open and is now dropped
	 */
	boolean drop(Throwable cause) {
		if (this.context.isStopping() || !this.ended.compareAndSet(false, true)) {
			return false;
		}
		changeState(ConnectionState.RECONNECTING, cause);
		this.signals.emitError(cause, Sinks.EmitFailureHandler.busyLooping(EMIT_TIMEOUT));
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
		PendingAcks acks = this.pendingAcks;
		if (acks == null || frame.type() != FrameType.TEXT) {
			return false;
		}
		String text = textOrEmpty(frame);
		if (acks.isRejection(text)) {
			fail(ErrorKind.SUBSCRIPTION, SubscriptionException.rejected(this.settings.name(), frame.excerpt()),
					frame.excerpt());
			return true;
		}
		int pending = acks.acknowledge(text);
		if (pending == 0) {
			this.subscribing = false;
			changeState(ConnectionState.LIVE, null);
		}
		return pending >= 0;
	}

	private void ping() {
		Transport.Outbound out = this.outbound;
		HeartbeatSpec heartbeat = this.settings.heartbeat();
		if (out == null || heartbeat == null || this.ended.get()) {
			return;
		}
		this.liveness.pinged();
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
		Liveness.Expired expired = this.liveness.check(this.outbound != null, this.subscribing, System.nanoTime());
		if (expired == null) {
			return;
		}
		switch (expired) {
			case CONNECT -> timeout(ConnectionTimeoutException.Timeout.CONNECT, this.settings.connectTimeout());
			case SUBSCRIPTION -> notAcknowledged();
			case STALE -> timeout(ConnectionTimeoutException.Timeout.STALE, this.settings.staleTimeout());
			case PONG -> timeout(ConnectionTimeoutException.Timeout.PONG, this.settings.heartbeat().pongTimeout());
		}
	}

	private void notAcknowledged() {
		PendingAcks acks = this.pendingAcks;
		SubscriptionAckSpec ack = this.settings.subscriptionAck();
		if (acks != null && ack != null) {
			fail(ErrorKind.SUBSCRIPTION, SubscriptionException.notAcknowledged(this.settings.name(), acks.size(),
					acks.oldest(), ack.timeout()), null);
		}
	}

	private void timeout(ConnectionTimeoutException.Timeout timeout, Duration after) {
		fail(ErrorKind.TIMEOUT, new ConnectionTimeoutException(this.settings.name(), timeout, after), null);
	}

	private void onClosed(CloseStatus status) {
		if (this.context.isStopping() || CloseStatus.END_OF_STREAM.equals(status)) {
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

	private void changeState(ConnectionState state, @Nullable Throwable cause) {
		this.context.changeState(this, state, cause);
	}

}
