package dev.exchangeintegration.core;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The subscriptions of one connection that the exchange has not acknowledged yet, and how
 * to tell an acknowledgement or a rejection among its frames. Only text subscriptions
 * carry an id: any other waits for an acknowledgement by pattern, or times out.
 */
final class PendingAcks {

	private static final JsonMapper json = JsonMapper.shared();

	private final SubscriptionAckSpec spec;

	private final Deque<Pending> pending = new ArrayDeque<>();

	PendingAcks(SubscriptionAckSpec spec) {
		this.spec = spec;
	}

	/**
	 * Expect an acknowledgement for each of the subscriptions sent.
	 */
	synchronized void expect(List<Object> subscriptions) {
		for (Object subscription : subscriptions) {
			this.pending.add(new Pending(expectedId(subscription), describe(subscription)));
		}
	}

	/**
	 * Return whether a frame's text rejects a subscription.
	 */
	boolean isRejection(String text) {
		return this.spec.rejectionPattern() != null && this.spec.rejectionPattern().matcher(text).find();
	}

	/**
	 * Take the pending subscription that a frame's text acknowledges, if any.
	 * @return the number of subscriptions still pending, or {@code -1} when the text
	 * acknowledges none
	 */
	synchronized int acknowledge(String text) {
		boolean acknowledged;
		if (this.spec.pattern() != null) {
			acknowledged = this.spec.pattern().matcher(text).find() && this.pending.pollFirst() != null;
		}
		else {
			Object id = idOf(text);
			acknowledged = id != null && this.pending.removeIf((pending) -> pending.id().equals(id));
		}
		return acknowledged ? this.pending.size() : -1;
	}

	/**
	 * Return the number of subscriptions still pending.
	 */
	synchronized int size() {
		return this.pending.size();
	}

	/**
	 * Return an excerpt of the oldest subscription still pending, if any.
	 */
	synchronized @Nullable String oldest() {
		Pending oldest = this.pending.peekFirst();
		return (oldest != null) ? Excerpts.of(oldest.subscription(), oldest.subscription().length()) : null;
	}

	/**
	 * Return the id a subscription's acknowledgement carries; a subscription without one
	 * gets an id nothing matches, so that it times out and is reported.
	 */
	private Object expectedId(Object subscription) {
		if (this.spec.idPointer() == null) {
			return subscription;
		}
		if (!(subscription instanceof String text)) {
			return new Object();
		}
		Object id = idOf(text);
		return (id != null) ? id : new Object();
	}

	private @Nullable Object idOf(String text) {
		try {
			JsonNode id = json.readTree(text).at(this.spec.idPointer());
			return (id.isMissingNode() || id.isNull()) ? null : id;
		}
		catch (JacksonException ex) {
			return null;
		}
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

	private record Pending(Object id, String subscription) {

	}

}
