package dev.exchangeintegration.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
		 * Endpoint to connect to: a ws:// or wss:// URL.
		 */
		private @Nullable URI url;

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
		 * this far behind, its oldest buffered output is dropped and the drop is
		 * reported.
		 */
		private int bufferSize = 8192;

		/**
		 * Whether to connect to this exchange.
		 */
		private boolean enabled = true;

		public @Nullable URI getUrl() {
			return this.url;
		}

		public void setUrl(@Nullable URI url) {
			this.url = url;
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

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Transport protocols.
	 */
	public enum Protocol {

		/**
		 * A WebSocket connection, over ws:// or wss://.
		 */
		WEBSOCKET

	}

}
