package dev.exchangeintegration.fix;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Settings of the {@code fix} protocol, under
 * {@code exchange-integration.exchanges.NAME.fix} with
 * {@code exchange-integration.defaults.fix} merged in. Annotated so that the
 * configuration processor documents the {@code exchange-integration.defaults.fix.*} keys.
 */
@ConfigurationProperties("exchange-integration.defaults.fix")
public class FixSettings {

	/**
	 * Host name of the FIX gateway. Required.
	 */
	private @Nullable String host;

	/**
	 * TCP port of the FIX gateway, between 1 and 65535. Required.
	 */
	private int port;

	/**
	 * TLS of the connection.
	 */
	private final Ssl ssl = new Ssl();

	/**
	 * FIX version of the session: FIX.4.2, FIX.4.4 or FIXT.1.1.
	 */
	private String beginString = "FIX.4.4";

	/**
	 * Application version of a FIXT.1.1 session, such as FIX50SP2. Required with
	 * FIXT.1.1.
	 */
	private @Nullable String defaultApplVerId;

	/**
	 * SenderCompID(49) of the session. Required.
	 */
	private @Nullable String senderCompId;

	/**
	 * SenderSubID(50) of the session, if the venue asks for one.
	 */
	private @Nullable String senderSubId;

	/**
	 * TargetCompID(56) of the session. Required.
	 */
	private @Nullable String targetCompId;

	/**
	 * Qualifier that tells two sessions with the same comp ids apart.
	 */
	private @Nullable String sessionQualifier;

	/**
	 * Heartbeat interval, HeartBtInt(108), in whole seconds.
	 */
	private Duration heartbeatInterval = Duration.ofSeconds(30);

	/**
	 * Time to wait for the answer to a Logon.
	 */
	private Duration logonTimeout = Duration.ofSeconds(10);

	/**
	 * Time to wait for the answer to a Logout.
	 */
	private Duration logoutTimeout = Duration.ofSeconds(2);

	/**
	 * Whether each Logon resets the sequence numbers, ResetSeqNumFlag(141)=Y.
	 */
	private boolean resetOnLogon;

	/**
	 * Whether the sequence numbers are reset after a Logout.
	 */
	private boolean resetOnLogout;

	/**
	 * Whether the sequence numbers are reset after a disconnection.
	 */
	private boolean resetOnDisconnect;

	/**
	 * Username(553) of the Logon.
	 */
	private @Nullable String username;

	/**
	 * Password(554) of the Logon; for Coinbase, the API passphrase.
	 */
	private @Nullable String password;

	/**
	 * Secret that the signer signs the Logon with (Coinbase: base64; Deribit: the client
	 * secret).
	 */
	private @Nullable String secret;

	/**
	 * Ed25519 private key, PKCS#8 PEM, for the binance signer.
	 */
	private @Nullable String privateKey;

	/**
	 * How the Logon is signed: plain, coinbase, binance, deribit, or the name of a
	 * FixLogonSigner bean.
	 */
	private String signer = "plain";

	/**
	 * Market data requested after every logon.
	 */
	private final MarketData marketData = new MarketData();

	/**
	 * Further messages sent after every logon, as tag=value text with | as the separator,
	 * such as a raw MarketDataRequest.
	 */
	private List<String> subscriptions = new ArrayList<>();

	/**
	 * Data dictionary resource (a QuickFIX/J XML dictionary); the one bundled with
	 * QuickFIX/J for the begin string by default.
	 */
	private @Nullable Resource dataDictionary;

	/**
	 * Whether incoming messages are validated against the data dictionary.
	 */
	private boolean validate = true;

	/**
	 * Where sequence numbers and sent messages are kept.
	 */
	private final Store store = new Store();

	/**
	 * QuickFIX/J session settings passed through as they are, for what is not modelled
	 * here, such as CheckLatency: N.
	 */
	private Map<String, String> settings = new LinkedHashMap<>();

	/**
	 * QuickFIX/J .cfg resource whose session settings are used instead of the keys above,
	 * all but host and port; at most one session in it.
	 */
	private @Nullable Resource config;

	public @Nullable String getHost() {
		return this.host;
	}

	public void setHost(@Nullable String host) {
		this.host = host;
	}

	public int getPort() {
		return this.port;
	}

	public void setPort(int port) {
		this.port = port;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	public String getBeginString() {
		return this.beginString;
	}

	public void setBeginString(String beginString) {
		this.beginString = beginString;
	}

	public @Nullable String getDefaultApplVerId() {
		return this.defaultApplVerId;
	}

	public void setDefaultApplVerId(@Nullable String defaultApplVerId) {
		this.defaultApplVerId = defaultApplVerId;
	}

	public @Nullable String getSenderCompId() {
		return this.senderCompId;
	}

	public void setSenderCompId(@Nullable String senderCompId) {
		this.senderCompId = senderCompId;
	}

	public @Nullable String getSenderSubId() {
		return this.senderSubId;
	}

	public void setSenderSubId(@Nullable String senderSubId) {
		this.senderSubId = senderSubId;
	}

	public @Nullable String getTargetCompId() {
		return this.targetCompId;
	}

	public void setTargetCompId(@Nullable String targetCompId) {
		this.targetCompId = targetCompId;
	}

	public @Nullable String getSessionQualifier() {
		return this.sessionQualifier;
	}

	public void setSessionQualifier(@Nullable String sessionQualifier) {
		this.sessionQualifier = sessionQualifier;
	}

	public Duration getHeartbeatInterval() {
		return this.heartbeatInterval;
	}

	public void setHeartbeatInterval(Duration heartbeatInterval) {
		this.heartbeatInterval = heartbeatInterval;
	}

	public Duration getLogonTimeout() {
		return this.logonTimeout;
	}

	public void setLogonTimeout(Duration logonTimeout) {
		this.logonTimeout = logonTimeout;
	}

	public Duration getLogoutTimeout() {
		return this.logoutTimeout;
	}

	public void setLogoutTimeout(Duration logoutTimeout) {
		this.logoutTimeout = logoutTimeout;
	}

	public boolean isResetOnLogon() {
		return this.resetOnLogon;
	}

	public void setResetOnLogon(boolean resetOnLogon) {
		this.resetOnLogon = resetOnLogon;
	}

	public boolean isResetOnLogout() {
		return this.resetOnLogout;
	}

	public void setResetOnLogout(boolean resetOnLogout) {
		this.resetOnLogout = resetOnLogout;
	}

	public boolean isResetOnDisconnect() {
		return this.resetOnDisconnect;
	}

	public void setResetOnDisconnect(boolean resetOnDisconnect) {
		this.resetOnDisconnect = resetOnDisconnect;
	}

	public @Nullable String getUsername() {
		return this.username;
	}

	public void setUsername(@Nullable String username) {
		this.username = username;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public @Nullable String getSecret() {
		return this.secret;
	}

	public void setSecret(@Nullable String secret) {
		this.secret = secret;
	}

	public @Nullable String getPrivateKey() {
		return this.privateKey;
	}

	public void setPrivateKey(@Nullable String privateKey) {
		this.privateKey = privateKey;
	}

	public String getSigner() {
		return this.signer;
	}

	public void setSigner(String signer) {
		this.signer = signer;
	}

	public MarketData getMarketData() {
		return this.marketData;
	}

	public List<String> getSubscriptions() {
		return this.subscriptions;
	}

	public void setSubscriptions(List<String> subscriptions) {
		this.subscriptions = subscriptions;
	}

	public @Nullable Resource getDataDictionary() {
		return this.dataDictionary;
	}

	public void setDataDictionary(@Nullable Resource dataDictionary) {
		this.dataDictionary = dataDictionary;
	}

	public boolean isValidate() {
		return this.validate;
	}

	public void setValidate(boolean validate) {
		this.validate = validate;
	}

	public Store getStore() {
		return this.store;
	}

	public Map<String, String> getSettings() {
		return this.settings;
	}

	public void setSettings(Map<String, String> settings) {
		this.settings = settings;
	}

	public @Nullable Resource getConfig() {
		return this.config;
	}

	public void setConfig(@Nullable Resource config) {
		this.config = config;
	}

	/**
	 * TLS settings.
	 */
	public static class Ssl {

		/**
		 * Whether the connection uses TLS, verifying the gateway against the JDK's
		 * trusted CAs unless a bundle is set. On when a bundle is set.
		 */
		private boolean enabled;

		/**
		 * Spring Boot SSL bundle (spring.ssl.bundle.*): when set, the connection uses
		 * TLS, verifying the gateway against the bundle's trust material.
		 */
		private @Nullable String bundle;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

	}

	/**
	 * The MarketDataRequest (V) sent after every logon.
	 */
	public static class MarketData {

		/**
		 * Symbols, Symbol(55), to request; none for no request.
		 */
		private List<String> symbols = new ArrayList<>();

		/**
		 * Entry types, MDEntryType(269): bid, offer, trade, or a FIX code such as 2.
		 */
		private List<String> entryTypes = new ArrayList<>(List.of("bid", "offer", "trade"));

		/**
		 * Book depth, MarketDepth(264): 0 for the full book, 1 for the top of the book.
		 */
		private int depth = 1;

		/**
		 * Whether updates come as incremental refreshes, MDUpdateType(265)=1, rather than
		 * full snapshots.
		 */
		private boolean incremental = true;

		public List<String> getSymbols() {
			return this.symbols;
		}

		public void setSymbols(List<String> symbols) {
			this.symbols = symbols;
		}

		public List<String> getEntryTypes() {
			return this.entryTypes;
		}

		public void setEntryTypes(List<String> entryTypes) {
			this.entryTypes = entryTypes;
		}

		public int getDepth() {
			return this.depth;
		}

		public void setDepth(int depth) {
			this.depth = depth;
		}

		public boolean isIncremental() {
			return this.incremental;
		}

		public void setIncremental(boolean incremental) {
			this.incremental = incremental;
		}

	}

	/**
	 * The message store.
	 */
	public static class Store {

		/**
		 * Kind of store: memory, or file (in directory).
		 */
		private String type = "memory";

		/**
		 * Directory of the file store.
		 */
		private @Nullable String directory;

		public String getType() {
			return this.type;
		}

		public void setType(String type) {
			this.type = type;
		}

		public @Nullable String getDirectory() {
			return this.directory;
		}

		public void setDirectory(@Nullable String directory) {
			this.directory = directory;
		}

	}

}
