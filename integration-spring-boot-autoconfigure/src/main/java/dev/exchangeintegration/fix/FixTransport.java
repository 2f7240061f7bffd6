package dev.exchangeintegration.fix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;

import dev.exchangeintegration.core.CloseStatus;
import dev.exchangeintegration.core.Transport;
import quickfix.MemoryStore;
import quickfix.MessageStore;
import reactor.core.publisher.Mono;

/**
 * The transport of a {@code protocol: fix} exchange: each connection is a QuickFIX/J
 * initiator session of its own (see {@link FixConnection}), open once logged on, and
 * ended by its Logout or disconnection, with the Logout's Text as the close reason.
 * <p>
 * {@link Outbound#send(Object)} takes a {@code quickfix.Message} or tag=value text (with
 * {@code |} or SOH between fields), and fails at once when the session is not logged on.
 * {@link Outbound#close(String)} sends a Logout.
 */
final class FixTransport implements Transport {

	private final FixSessionSpec spec;

	private final Deliveries deliveries;

	private final MessageStore memoryStore;

	FixTransport(FixSessionSpec spec) {
		this.spec = spec;
		this.deliveries = new Deliveries(spec.exchange());
		try {
			this.memoryStore = new MemoryStore(spec.sessionId());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public Mono<CloseStatus> connect(Handler handler) {
		return Mono.create((sink) -> {
			FixConnection connection = new FixConnection(this.spec, handler, sink, this.deliveries, this.memoryStore);
			sink.onDispose(connection::dispose);
			connection.start();
		});
	}

	/**
	 * What the exchange's connections share: the sequence number of the last message
	 * delivered, so that a message resent with PossDupFlag(43)=Y is not delivered twice,
	 * and the counter of request ids.
	 */
	static final class Deliveries {

		private final String prefix;

		private final AtomicLong requests = new AtomicLong();

		private int lastDelivered;

		Deliveries(String exchange) {
			this.prefix = exchange + "-" + Long.toString(System.currentTimeMillis(), 36) + "-";
		}

		/**
		 * Return whether to deliver a message: not when it is a possible duplicate of one
		 * already delivered in the current sequence.
		 */
		synchronized boolean accept(int msgSeqNum, boolean possDup) {
			if (possDup && msgSeqNum <= this.lastDelivered) {
				return false;
			}
			this.lastDelivered = msgSeqNum;
			return true;
		}

		/**
		 * The sequence numbers have been reset.
		 */
		synchronized void reset() {
			this.lastDelivered = 0;
		}

		String nextRequestId() {
			return this.prefix + this.requests.incrementAndGet();
		}

	}

}
