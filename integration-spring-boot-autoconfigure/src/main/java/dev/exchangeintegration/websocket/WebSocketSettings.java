package dev.exchangeintegration.websocket;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the {@code websocket} protocol, the default one. They sit at the exchange's
 * own level: {@code exchange-integration.exchanges.NAME.url}, shared under
 * {@code exchange-integration.defaults.url}.
 * <p>
 * Bound by {@link WebSocketExchangeTransportFactory} for each exchange; annotated only so
 * that the configuration processor documents the {@code exchange-integration.defaults.*}
 * keys.
 */
@ConfigurationProperties("exchange-integration.defaults")
public class WebSocketSettings {

	/**
	 * Endpoint to connect to: a ws:// or wss:// URL.
	 */
	private @Nullable URI url;

	/**
	 * Text frames to send, in order, once each connection opens, such as subscription
	 * requests. None by default.
	 */
	private List<String> subscriptions = new ArrayList<>();

	/**
	 * Largest frame payload to accept, after reassembling fragmented messages. 4MB by
	 * default, well above Netty's 64KB, since order book snapshots exceed it.
	 */
	private DataSize maxFrameSize = DataSize.ofMegabytes(4);

	/**
	 * How to recognise the exchange's acknowledgement of each subscription.
	 */
	private final SubscriptionAck subscriptionAck = new SubscriptionAck();

	/**
	 * Keep-alive pings.
	 */
	private final Heartbeat heartbeat = new Heartbeat();

	/**
	 * TLS settings of wss:// connections.
	 */
	private final Ssl ssl = new Ssl();

	public @Nullable URI getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable URI url) {
		this.url = url;
	}

	public List<String> getSubscriptions() {
		return this.subscriptions;
	}

	public void setSubscriptions(List<String> subscriptions) {
		this.subscriptions = subscriptions;
	}

	public DataSize getMaxFrameSize() {
		return this.maxFrameSize;
	}

	public void setMaxFrameSize(DataSize maxFrameSize) {
		this.maxFrameSize = maxFrameSize;
	}

	public SubscriptionAck getSubscriptionAck() {
		return this.subscriptionAck;
	}

	public Heartbeat getHeartbeat() {
		return this.heartbeat;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	/**
	 * Subscription acknowledgement settings. Off unless id-pointer or pattern is set.
	 */
	public static class SubscriptionAck {

		/**
		 * JSON pointer, such as /id, to a field of each subscription: a frame with the
		 * same value at the same pointer acknowledges it. None by default.
		 */
		private @Nullable String idPointer;

		/**
		 * Regular expression found in acknowledgements: each matching frame acknowledges
		 * the oldest pending subscription. Used instead of id-pointer. None by default.
		 */
		private @Nullable String pattern;

		/**
		 * Regular expression found in the exchange's error responses: a match while
		 * subscribing is a rejection, reported before a reconnect with backoff. None by
		 * default.
		 */
		private @Nullable String rejectionPattern;

		/**
		 * Time to wait for the next frame while acknowledgements are pending, re-armed on
		 * every frame. 10s by default.
		 */
		private Duration timeout = Duration.ofSeconds(10);

		public @Nullable String getIdPointer() {
			return this.idPointer;
		}

		public void setIdPointer(@Nullable String idPointer) {
			this.idPointer = idPointer;
		}

		public @Nullable String getPattern() {
			return this.pattern;
		}

		public void setPattern(@Nullable String pattern) {
			this.pattern = pattern;
		}

		public @Nullable String getRejectionPattern() {
			return this.rejectionPattern;
		}

		public void setRejectionPattern(@Nullable String rejectionPattern) {
			this.rejectionPattern = rejectionPattern;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

	/**
	 * Keep-alive ping settings. Off unless interval is set.
	 */
	public static class Heartbeat {

		/**
		 * Time between two pings. Off by default.
		 */
		private @Nullable Duration interval;

		/**
		 * Application-level ping text, such as {"op":"ping"}. Without it, a WebSocket
		 * Ping frame is sent.
		 */
		private @Nullable String message;

		/**
		 * Regular expression matching application-level pongs; matching text frames of at
		 * most 256 bytes are consumed and never reach the parser. None by default.
		 */
		private @Nullable String pongPattern;

		/**
		 * Time a ping may go unanswered before the connection is replaced. Never times
		 * out by default.
		 */
		private @Nullable Duration pongTimeout;

		public @Nullable Duration getInterval() {
			return this.interval;
		}

		public void setInterval(@Nullable Duration interval) {
			this.interval = interval;
		}

		public @Nullable String getMessage() {
			return this.message;
		}

		public void setMessage(@Nullable String message) {
			this.message = message;
		}

		public @Nullable String getPongPattern() {
			return this.pongPattern;
		}

		public void setPongPattern(@Nullable String pongPattern) {
			this.pongPattern = pongPattern;
		}

		public @Nullable Duration getPongTimeout() {
			return this.pongTimeout;
		}

		public void setPongTimeout(@Nullable Duration pongTimeout) {
			this.pongTimeout = pongTimeout;
		}

	}

	/**
	 * TLS settings.
	 */
	public static class Ssl {

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) to trust and present for wss://,
		 * for example for a private CA. Without it, the JDK's trusted CAs verify the
		 * server; verification is always on.
		 */
		private @Nullable String bundle;

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

	}

}
