package dev.exchangeintegration.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.exchangeintegration.core.OverflowPolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for exchange integrations: the settings every exchange has,
 * whatever its protocol. Each transport binds its own settings (such as the WebSocket
 * {@code url} and {@code heartbeat.*}) from the same exchange.
 * <p>
 * Each exchange under {@link #getExchanges() exchanges} holds the shared
 * {@link #getDefaults() defaults} with its own settings on top: this bean shows the
 * values the exchange runs with.
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
	 * Exchanges to connect to, by name. Each takes the keys of 'defaults', and the keys
	 * of its protocol.
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
	 * Settings of one exchange stream that do not depend on its protocol.
	 */
	public static class Exchange {

		/**
		 * Transport protocol: the name of an ExchangeTransportFactory bean's protocol,
		 * such as websocket or rest-poll.
		 */
		private String protocol = "websocket";

		/**
		 * How frames are parsed: json, text, bytes, protobuf, or the name of a
		 * ProtocolParser bean.
		 */
		private String parser = "json";

		/**
		 * Name of the Transformer bean that turns exchange messages into outputs. Frames
		 * are parsed into its input type.
		 */
		private @Nullable String transformer;

		/**
		 * Fully qualified name of the class to parse frames into when there is no
		 * transformer; the parsed message is the output. Without either, the output is
		 * the parser's own type: a Jackson JsonNode for json.
		 */
		private @Nullable String messageType;

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
		 * Time allowed for a connection to open, handshakes included.
		 */
		private Duration connectTimeout = Duration.ofSeconds(10);

		/**
		 * Time without a data frame after which the connection is replaced: the watchdog
		 * for feeds that go silent. Off when not set.
		 */
		private @Nullable Duration staleTimeout;

		/**
		 * Reconnection with exponential backoff.
		 */
		private final Reconnect reconnect = new Reconnect();

		/**
		 * Where the outputs are written besides the listeners.
		 */
		private final Sinks sinks = new Sinks();

		/**
		 * Name of a MessageChannel bean (created unless one exists) whose messages are
		 * sent on the stream.
		 */
		private @Nullable String outboundChannel;

		public String getProtocol() {
			return this.protocol;
		}

		public void setProtocol(String protocol) {
			this.protocol = protocol;
		}

		public String getParser() {
			return this.parser;
		}

		public void setParser(String parser) {
			this.parser = parser;
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

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
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

		public Sinks getSinks() {
			return this.sinks;
		}

		public @Nullable String getOutboundChannel() {
			return this.outboundChannel;
		}

		public void setOutboundChannel(@Nullable String outboundChannel) {
			this.outboundChannel = outboundChannel;
		}

	}

	/**
	 * Where the outputs of an exchange are written besides its listeners, one group per
	 * kind of sink. Each sink is a consumer of the stream, with its own buffer.
	 */
	public static class Sinks {

		/**
		 * Kafka topic the outputs are sent to.
		 */
		private final KafkaSink kafka = new KafkaSink();

		/**
		 * Bean name of a Spring Integration MessageChannel the outputs are sent to, as
		 * messages with the exchange headers.
		 */
		private @Nullable String channel;

		public KafkaSink getKafka() {
			return this.kafka;
		}

		public @Nullable String getChannel() {
			return this.channel;
		}

		public void setChannel(@Nullable String channel) {
			this.channel = channel;
		}

	}

	/**
	 * A Kafka topic the outputs of an exchange are sent to, through Spring Boot's
	 * KafkaTemplate.
	 */
	public static class KafkaSink {

		/**
		 * Whether to send the outputs to the topic, once a topic is set.
		 */
		private boolean enabled = true;

		/**
		 * Topic the outputs are sent to.
		 */
		private @Nullable String topic;

		/**
		 * SpEL expression evaluated against each output's Message (payload, headers) for
		 * the record key, such as payload.symbol. No key by default.
		 */
		private @Nullable String keyExpression;

		/**
		 * Record headers to add, by name: SpEL expressions evaluated against each
		 * output's Message; their values are sent as UTF-8 text, or as is for byte
		 * arrays.
		 */
		private Map<String, String> headers = new LinkedHashMap<>();

		/**
		 * How outputs become record values: json (with Boot's JsonMapper), text
		 * (toString) or bytes (byte arrays as they are).
		 */
		private SinkFormat format = SinkFormat.JSON;

		/**
		 * Outputs buffered for the sink. Defaults to the exchange's buffer-size.
		 */
		private int bufferSize;

		/**
		 * What happens when the sink's buffer is full. Defaults to the exchange's
		 * overflow.
		 */
		private @Nullable OverflowPolicy overflow;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable String getTopic() {
			return this.topic;
		}

		public void setTopic(@Nullable String topic) {
			this.topic = topic;
		}

		public @Nullable String getKeyExpression() {
			return this.keyExpression;
		}

		public void setKeyExpression(@Nullable String keyExpression) {
			this.keyExpression = keyExpression;
		}

		public Map<String, String> getHeaders() {
			return this.headers;
		}

		public void setHeaders(Map<String, String> headers) {
			this.headers = headers;
		}

		public SinkFormat getFormat() {
			return this.format;
		}

		public void setFormat(SinkFormat format) {
			this.format = format;
		}

		public int getBufferSize() {
			return this.bufferSize;
		}

		public void setBufferSize(int bufferSize) {
			this.bufferSize = bufferSize;
		}

		public @Nullable OverflowPolicy getOverflow() {
			return this.overflow;
		}

		public void setOverflow(@Nullable OverflowPolicy overflow) {
			this.overflow = overflow;
		}

	}

	/**
	 * How a sink writes each output.
	 */
	public enum SinkFormat {

		/**
		 * JSON, written by Boot's JsonMapper.
		 */
		JSON,

		/**
		 * The output's {@code toString()}, as UTF-8.
		 */
		TEXT,

		/**
		 * The output itself, which must be a {@code byte[]}.
		 */
		BYTES

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

}
