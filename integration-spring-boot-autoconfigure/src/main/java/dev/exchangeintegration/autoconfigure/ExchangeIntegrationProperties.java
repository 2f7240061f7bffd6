package dev.exchangeintegration.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.exchangeintegration.core.OverflowPolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties for exchange integrations.
 */
@ConfigurationProperties(ExchangeIntegrationProperties.PREFIX)
public class ExchangeIntegrationProperties {

	/**
	 * Prefix of these properties.
	 */
	public static final String PREFIX = "exchange-integration";

	/**
	 * Settings shared by every exchange. An exchange's own setting wins.
	 */
	private Exchange defaults = new Exchange();

	/**
	 * Exchanges to connect to, by name. Each takes the keys of 'defaults'.
	 */
	private Map<String, Exchange> exchanges = new LinkedHashMap<>();

	/**
	 * Time to wait, on shutdown, for each stream to close gracefully and for each
	 * listener to drain its buffered outputs.
	 */
	private Duration shutdownTimeout = Duration.ofSeconds(5);

	public Exchange getDefaults() {
		return this.defaults;
	}

	public void setDefaults(Exchange defaults) {
		this.defaults = defaults;
	}

	public Map<String, Exchange> getExchanges() {
		return this.exchanges;
	}

	public void setExchanges(Map<String, Exchange> exchanges) {
		this.exchanges = exchanges;
	}

	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

	/**
	 * Settings of one exchange stream.
	 */
	public static class Exchange {

		/**
		 * Endpoint to connect to: a ws:// or wss:// URL, or for rest-poll an http:// or
		 * https:// URL to poll.
		 */
		private @Nullable URI url;

		/**
		 * For rest-poll: name of the REST client (exchange-integration.rest.NAME) to poll
		 * with, instead of url, so that polls are signed and share its rate limits.
		 */
		private @Nullable String client;

		/**
		 * For rest-poll with a client: path to poll, relative to the client's base-url.
		 */
		private @Nullable String path;

		/**
		 * For rest-poll: time between the end of a poll and the start of the next.
		 */
		private Duration interval = Duration.ofSeconds(1);

		/**
		 * For rest-poll: query parameters, sent in order.
		 */
		private Map<String, String> query = new LinkedHashMap<>();

		/**
		 * Transport protocol.
		 */
		private Protocol protocol = Protocol.WEBSOCKET;

		/**
		 * Text frames to send, in order, once the connection opens, such as subscription
		 * requests.
		 */
		private List<String> subscriptions = new ArrayList<>();

		/**
		 * Name of the Transformer bean that turns exchange messages into outputs. Frames
		 * are parsed into its input type.
		 */
		private @Nullable String transformer;

		/**
		 * Fully qualified name of the class to parse frames into when there is no
		 * transformer; the parsed message is the output. Without either, the output is a
		 * Jackson JsonNode.
		 */
		private @Nullable String messageType;

		/**
		 * Largest frame payload to accept, after reassembling fragmented messages.
		 */
		private DataSize maxFrameSize = DataSize.ofMegabytes(4);

		/**
		 * Size of the buffer of each listener and Flux subscriber. When a consumer falls
		 * this far behind, the overflow policy applies.
		 */
		private int bufferSize = 8192;

		/**
		 * What happens when a listener or Flux subscriber has a full buffer: backpressure
		 * (stop reading the exchange until it has drained to half), drop-oldest,
		 * drop-latest, or error. Pauses longer than 1 s and drops are reported.
		 */
		private OverflowPolicy overflow = OverflowPolicy.BACKPRESSURE;

		/**
		 * Whether to connect to this exchange.
		 */
		private boolean enabled = true;

		/**
		 * Time allowed for a connection to open, TLS and WebSocket handshakes included.
		 */
		private Duration connectTimeout = Duration.ofSeconds(10);

		/**
		 * Time without a data frame after which the connection is replaced: the watchdog
		 * for feeds that go silent. Pongs do not count as data. Off when not set.
		 */
		private @Nullable Duration staleTimeout;

		/**
		 * Reconnection with exponential backoff.
		 */
		private final Reconnect reconnect = new Reconnect();

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

		public @Nullable String getClient() {
			return this.client;
		}

		public void setClient(@Nullable String client) {
			this.client = client;
		}

		public @Nullable String getPath() {
			return this.path;
		}

		public void setPath(@Nullable String path) {
			this.path = path;
		}

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

		public Map<String, String> getQuery() {
			return this.query;
		}

		public void setQuery(Map<String, String> query) {
			this.query = query;
		}

		public Protocol getProtocol() {
			return this.protocol;
		}

		public void setProtocol(Protocol protocol) {
			this.protocol = protocol;
		}

		public List<String> getSubscriptions() {
			return this.subscriptions;
		}

		public void setSubscriptions(List<String> subscriptions) {
			this.subscriptions = subscriptions;
		}

		public @Nullable String getTransformer() {
			return this.transformer;
		}

		public void setTransformer(@Nullable String transformer) {
			this.transformer = transformer;
		}

		public @Nullable String getMessageType() {
			return this.messageType;
		}

		public void setMessageType(@Nullable String messageType) {
			this.messageType = messageType;
		}

		public DataSize getMaxFrameSize() {
			return this.maxFrameSize;
		}

		public void setMaxFrameSize(DataSize maxFrameSize) {
			this.maxFrameSize = maxFrameSize;
		}

		public int getBufferSize() {
			return this.bufferSize;
		}

		public void setBufferSize(int bufferSize) {
			this.bufferSize = bufferSize;
		}

		public OverflowPolicy getOverflow() {
			return this.overflow;
		}

		public void setOverflow(OverflowPolicy overflow) {
			this.overflow = overflow;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public @Nullable Duration getStaleTimeout() {
			return this.staleTimeout;
		}

		public void setStaleTimeout(@Nullable Duration staleTimeout) {
			this.staleTimeout = staleTimeout;
		}

		public Reconnect getReconnect() {
			return this.reconnect;
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

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Reconnection settings.
	 */
	public static class Reconnect {

		/**
		 * Whether to reconnect when a connection is lost, closed or replaced. When false,
		 * the stream completes with its first connection.
		 */
		private boolean enabled = true;

		/**
		 * Delay before the first reconnection attempt, and after a connection that
		 * delivered data.
		 */
		private Duration initialBackoff = Duration.ofMillis(500);

		/**
		 * Cap on the delay between two attempts.
		 */
		private Duration maxBackoff = Duration.ofSeconds(30);

		/**
		 * Factor the delay grows by after each failed attempt.
		 */
		private double multiplier = 2;

		/**
		 * Random share of each delay, between 0 and 1: 0.5 turns 1s into 0.5s to 1.5s.
		 */
		private double jitter = 0.5;

		/**
		 * Consecutive failed attempts after which to give up and complete the stream.
		 * Unbounded when not set.
		 */
		private @Nullable Long maxAttempts;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public double getJitter() {
			return this.jitter;
		}

		public void setJitter(double jitter) {
			this.jitter = jitter;
		}

		public @Nullable Long getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(@Nullable Long maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

	}

	/**
	 * Subscription acknowledgement settings. Off unless id-pointer or pattern is set.
	 */
	public static class SubscriptionAck {

		/**
		 * JSON pointer, such as /id, to a field of each subscription: a frame with the
		 * same value at the same pointer acknowledges it.
		 */
		private @Nullable String idPointer;

		/**
		 * Regular expression found in acknowledgements: each matching frame acknowledges
		 * the oldest pending subscription. Used instead of id-pointer.
		 */
		private @Nullable String pattern;

		/**
		 * Regular expression found in the exchange's error responses: a match while
		 * subscribing is a rejection, reported before a reconnect with backoff.
		 */
		private @Nullable String rejectionPattern;

		/**
		 * Time to wait for the next frame while acknowledgements are pending, re-armed on
		 * every frame.
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
		 * Time between two pings.
		 */
		private @Nullable Duration interval;

		/**
		 * Application-level ping text, such as {"op":"ping"} or ping. Without it, a
		 * WebSocket Ping frame is sent.
		 */
		private @Nullable String message;

		/**
		 * Regular expression matching application-level pongs; matching text frames of at
		 * most 256 bytes are consumed and never reach the parser.
		 */
		private @Nullable String pongPattern;

		/**
		 * Time a ping may go unanswered before the connection is replaced. Never times
		 * out when not set.
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

	/**
	 * Transport protocols.
	 */
	public enum Protocol {

		/**
		 * A WebSocket connection, over ws:// or wss://.
		 */
		WEBSOCKET,

		/**
		 * REST polling: each response body is a frame.
		 */
		REST_POLL

	}

}
