package dev.exchangeintegration.fix;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import javax.net.ssl.SSLContext;

import dev.exchangeintegration.autoconfigure.ExchangeSettingsContext;
import dev.exchangeintegration.autoconfigure.transport.ExchangeTransportFactory;
import dev.exchangeintegration.core.DefaultExchangeStream;
import dev.exchangeintegration.core.Transport;
import dev.exchangeintegration.fix.FixSessionSpec.FixMessages;
import org.jspecify.annotations.Nullable;
import quickfix.ConfigError;
import quickfix.InvalidMessage;
import quickfix.SessionID;
import quickfix.SessionSettings;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.util.StringUtils;

/**
 * The {@code fix} protocol: a QuickFIX/J initiator session per exchange, configured from
 * {@code exchange-integration.exchanges.NAME.fix.*} ({@link FixSettings}) alone, or from
 * a {@code .cfg} resource. Its frames are parsed by the {@code fix} format
 * ({@link FixParserFactory}) unless the exchange sets a {@code parser}. Reconnection is
 * the stream's own ({@code reconnect.*}): each attempt is one initiator, and QuickFIX/J
 * never reconnects by itself. Session ids must be unique in the application.
 */
public class FixExchangeTransportFactory implements ExchangeTransportFactory<FixSettings> {

	private static final Set<String> BEGIN_STRINGS = Set.of("FIX.4.0", "FIX.4.1", "FIX.4.2", "FIX.4.3", "FIX.4.4",
			"FIXT.1.1");

	private static final Map<String, Character> ENTRY_TYPES = Map.ofEntries(Map.entry("bid", '0'),
			Map.entry("offer", '1'), Map.entry("trade", '2'), Map.entry("index-value", '3'), Map.entry("opening", '4'),
			Map.entry("closing", '5'), Map.entry("settlement", '6'), Map.entry("high", '7'), Map.entry("low", '8'),
			Map.entry("vwap", '9'), Map.entry("imbalance", 'A'), Map.entry("volume", 'B'),
			Map.entry("open-interest", 'C'));

	/**
	 * A day: QuickFIX/J's own reconnection never fires before the stream replaces the
	 * initiator.
	 */
	private static final String NO_RECONNECT = "86400";

	private final ConcurrentMap<SessionID, String> sessions = new ConcurrentHashMap<>();

	private final BeanFactory beanFactory;

	private final @Nullable SslBundles sslBundles;

	private final Clock clock;

	/**
	 * Create a new factory.
	 * @param beanFactory where {@code FixLogonSigner} beans named by {@code signer} are
	 * found
	 * @param sslBundles the SSL bundles that {@code ssl.bundle} names, if any
	 * @param clock the clock of the signers' timestamps
	 */
	public FixExchangeTransportFactory(BeanFactory beanFactory, @Nullable SslBundles sslBundles, Clock clock) {
		this.beanFactory = beanFactory;
		this.sslBundles = sslBundles;
		this.clock = clock;
	}

	@Override
	public String protocol() {
		return "fix";
	}

	@Override
	public FixSettings createSettings() {
		return new FixSettings();
	}

	@Override
	public TransportDefinition define(FixSettings settings, ExchangeSettingsContext context) {
		Map<String, String> quickfix = (settings.getConfig() != null) ? fromConfig(settings, context)
				: fromProperties(settings, context);
		String host = required(context, "host", settings.getHost(), quickfix.get("SocketConnectHost"),
				"the host name of the FIX gateway");
		int port = port(settings, context, quickfix.get("SocketConnectPort"));
		quickfix.put("SocketConnectHost", host);
		quickfix.put("SocketConnectPort", String.valueOf(port));
		quickfix.put("ConnectionType", "initiator");
		quickfix.put("ReconnectInterval", NO_RECONNECT);
		quickfix.putIfAbsent("NonStopSession", "Y");
		quickfix.putAll(settings.getSettings());
		SessionID sessionId = sessionId(quickfix);
		requireUnique(sessionId, context);
		FixMessages dictionary = dictionary(quickfix, context);
		List<FixSubscription> subscriptions = subscriptions(settings, sessionId, dictionary, context);
		FixSessionSpec spec = new FixSessionSpec(context.exchange(), sessionId, quickfix,
				"file".equals(settings.getStore().getType()), signer(settings, context), credentials(settings),
				subscriptions, dictionary, sslContext(settings, context), host);
		return new TransportDefinition() {

			@Override
			public Transport createTransport() {
				return new FixTransport(spec);
			}

			@Override
			public void configure(DefaultExchangeStream.Builder<?, ?> stream) {
				stream.subscriptions(subscriptions).liveOnData(true);
			}

			@Override
			public String parser() {
				return "fix";
			}

			@Override
			public String endpoint() {
				return host + ":" + port;
			}

		};
	}

	private Map<String, String> fromProperties(FixSettings settings, ExchangeSettingsContext context) {
		Map<String, String> quickfix = new LinkedHashMap<>();
		String beginString = settings.getBeginString();
		if (!BEGIN_STRINGS.contains(beginString)) {
			throw context.misconfigured("begin-string", beginString, "is " + beginString,
					"Set it to FIX.4.2, FIX.4.4 or FIXT.1.1.");
		}
		quickfix.put("BeginString", beginString);
		quickfix.put("SenderCompID", required(context, "sender-comp-id", settings.getSenderCompId(), null,
				"the SenderCompID(49) the venue gave you"));
		quickfix.put("TargetCompID",
				required(context, "target-comp-id", settings.getTargetCompId(), null, "the venue's TargetCompID(56)"));
		putIfText(quickfix, "SenderSubID", settings.getSenderSubId());
		putIfText(quickfix, "SessionQualifier", settings.getSessionQualifier());
		if (beginString.equals("FIXT.1.1")) {
			quickfix.put("DefaultApplVerID", required(context, "default-appl-ver-id", settings.getDefaultApplVerId(),
					null, "the application version of the FIXT.1.1 session, such as FIX50SP2"));
		}
		Duration heartbeat = settings.getHeartbeatInterval();
		if (heartbeat.toSeconds() < 1 || heartbeat.toMillis() % 1000 != 0) {
			throw context.misconfigured("heartbeat-interval", heartbeat, "is " + heartbeat,
					"Set it to a whole number of seconds, for example 30s.");
		}
		context.requirePositive("logon-timeout", settings.getLogonTimeout());
		context.requirePositive("logout-timeout", settings.getLogoutTimeout());
		quickfix.put("HeartBtInt", String.valueOf(heartbeat.toSeconds()));
		quickfix.put("LogonTimeout", String.valueOf(Math.max(1, settings.getLogonTimeout().toSeconds())));
		quickfix.put("LogoutTimeout", String.valueOf(Math.max(1, settings.getLogoutTimeout().toSeconds())));
		quickfix.put("ResetOnLogon", yesNo(settings.isResetOnLogon()));
		quickfix.put("ResetOnLogout", yesNo(settings.isResetOnLogout()));
		quickfix.put("ResetOnDisconnect", yesNo(settings.isResetOnDisconnect()));
		quickfix.put("ValidateIncomingMessage", yesNo(settings.isValidate()));
		quickfix.put("UseDataDictionary", "Y");
		dataDictionary(settings, context, quickfix, beginString);
		store(settings, context, quickfix);
		return quickfix;
	}

	private static Map<String, String> fromConfig(FixSettings settings, ExchangeSettingsContext context) {
		Resource config = settings.getConfig();
		try (InputStream in = config.getInputStream()) {
			SessionSettings loaded = new SessionSettings(in, new Properties());
			List<SessionID> ids = new ArrayList<>();
			loaded.sectionIterator().forEachRemaining(ids::add);
			if (ids.size() != 1) {
				throw context.invalid(
						"config", config, "Exchange '" + context.exchange() + "' has FIX config " + config + " with "
								+ ids.size() + " sessions.",
						"Keep exactly one [SESSION] in it: an exchange is one session.");
			}
			Map<String, String> quickfix = new LinkedHashMap<>();
			loaded.getSessionProperties(ids.get(0), true)
				.forEach((key, value) -> quickfix.put((String) key, (String) value));
			return quickfix;
		}
		catch (IOException | ConfigError ex) {
			throw context.invalid("config", config,
					"Exchange '" + context.exchange() + "' has FIX config " + config + ", which cannot be read: "
							+ ex.getMessage() + ".",
					"Point it at a QuickFIX/J settings file, such as classpath:quickfix.cfg.", ex);
		}
	}

	private static void dataDictionary(FixSettings settings, ExchangeSettingsContext context,
			Map<String, String> quickfix, String beginString) {
		Resource resource = settings.getDataDictionary();
		String location = (resource != null) ? location(resource, context) : null;
		if (beginString.equals("FIXT.1.1")) {
			quickfix.put("TransportDataDictionary", "FIXT11.xml");
			String applVerId = quickfix.get("DefaultApplVerID");
			quickfix.put("AppDataDictionary", (location != null) ? location : applVerId + ".xml");
		}
		else {
			quickfix.put("DataDictionary", (location != null) ? location : beginString.replace(".", "") + ".xml");
		}
	}

	private static String location(Resource resource, ExchangeSettingsContext context) {
		if (resource instanceof ClassPathResource classPath) {
			return classPath.getPath();
		}
		try {
			return resource.getFile().getAbsolutePath();
		}
		catch (IOException ex) {
			throw context.invalid("data-dictionary", resource,
					"Exchange '" + context.exchange() + "' has data dictionary " + resource + ", which is not a file.",
					"Use a classpath: or file: resource.", ex);
		}
	}

	private static void store(FixSettings settings, ExchangeSettingsContext context, Map<String, String> quickfix) {
		String type = settings.getStore().getType();
		if ("file".equals(type)) {
			quickfix.put("FileStorePath", required(context, "store.directory", settings.getStore().getDirectory(), null,
					"the directory of the file store"));
		}
		else if (!"memory".equals(type)) {
			throw context.misconfigured("store.type", type, "is " + type, "Set it to memory or file.");
		}
	}

	private static FixMessages dictionary(Map<String, String> quickfix, ExchangeSettingsContext context) {
		String transport = quickfix.getOrDefault("TransportDataDictionary", quickfix.get("DataDictionary"));
		String application = quickfix.getOrDefault("AppDataDictionary", transport);
		if (transport == null) {
			String beginString = quickfix.get("BeginString");
			transport = beginString.replace(".", "") + ".xml";
			application = transport;
		}
		try {
			return FixMessages.load(transport, application);
		}
		catch (ConfigError | RuntimeException ex) {
			throw context.invalid("data-dictionary", application,
					"Exchange '" + context.exchange() + "' has FIX data dictionary " + application
							+ ", which cannot be loaded: " + ex.getMessage() + ".",
					"Point it at a QuickFIX/J data dictionary, or leave it unset for the standard one.", ex);
		}
	}

	private static List<FixSubscription> subscriptions(FixSettings settings, SessionID sessionId,
			FixMessages dictionary, ExchangeSettingsContext context) {
		List<FixSubscription> subscriptions = new ArrayList<>();
		FixSettings.MarketData marketData = settings.getMarketData();
		if (!marketData.getSymbols().isEmpty()) {
			if (marketData.getDepth() < 0) {
				throw context.misconfigured("market-data.depth", marketData.getDepth(), "is " + marketData.getDepth(),
						"Set it to 0 for the full book, or a positive depth.");
			}
			if (marketData.getEntryTypes().isEmpty()) {
				throw context.misconfigured("market-data.entry-types", null, "is empty",
						"List the entry types to request, such as [bid, offer, trade].");
			}
			List<Character> entryTypes = new ArrayList<>();
			for (String entryType : marketData.getEntryTypes()) {
				Character code = ENTRY_TYPES.get(entryType.toLowerCase());
				if (code == null && entryType.length() != 1) {
					throw context.misconfigured("market-data.entry-types", entryType, "has " + entryType,
							"Use " + ENTRY_TYPES.keySet() + ", or a one-character MDEntryType(269) code.");
				}
				entryTypes.add((code != null) ? code : entryType.charAt(0));
			}
			subscriptions.add(FixSubscription.marketData(List.copyOf(marketData.getSymbols()), entryTypes,
					marketData.getDepth(), marketData.isIncremental()));
		}
		raw(settings.getSubscriptions(), sessionId, dictionary, context, subscriptions);
		// the exchange's own subscriptions key, as for any other protocol
		ExchangeSettingsContext exchangeLevel = context.exchangeLevel();
		exchangeLevel.bindExchangeKey("subscriptions", Bindable.listOf(String.class))
			.ifPresent((raw) -> raw(raw, sessionId, dictionary, exchangeLevel, subscriptions));
		return List.copyOf(subscriptions);
	}

	private static void raw(List<String> messages, SessionID sessionId, FixMessages dictionary,
			ExchangeSettingsContext context, List<FixSubscription> subscriptions) {
		for (int i = 0; i < messages.size(); i++) {
			String raw = messages.get(i);
			try {
				subscriptions.add(FixSubscription.of(dictionary.parse(sessionId.getBeginString(), raw)));
			}
			catch (InvalidMessage | RuntimeException ex) {
				throw context.invalid("subscriptions[" + i + "]", raw,
						"Exchange '" + context.exchange() + "' has FIX subscription '" + raw
								+ "', which is not a FIX message: " + ex.getMessage() + ".",
						"Write it as tag=value fields separated by |, starting with 35=, such as 35=V|262=1|263=1|...",
						ex);
			}
		}
	}

	private FixLogonSigner signer(FixSettings settings, ExchangeSettingsContext context) {
		String signer = settings.getSigner();
		FixCredentials credentials = credentials(settings);
		switch (signer) {
			case "plain":
				return FixLogonSigners.plain();
			case "coinbase":
				String secret = required(context, "secret", settings.getSecret(), null,
						"the base64 API secret the Logon is signed with");
				requireBase64(secret, context);
				required(context, "password", settings.getPassword(), null, "the API passphrase");
				return FixLogonSigners.coinbase();
			case "binance":
				String key = required(context, "private-key", settings.getPrivateKey(), null,
						"the Ed25519 private key, in PKCS#8 PEM");
				try {
					FixLogonSigners.ed25519Key(key);
				}
				catch (Exception ex) {
					throw context.invalid("private-key", "******",
							"Exchange '" + context.exchange()
									+ "' has a private-key that is not an Ed25519 PKCS#8 PEM key.",
							"Set it to the key's PEM text, from -----BEGIN PRIVATE KEY-----.", ex);
				}
				return FixLogonSigners.binance();
			case "deribit":
				required(context, "secret", settings.getSecret(), null, "the client secret");
				required(context, "username", settings.getUsername(), null, "the client id");
				return FixLogonSigners.deribit(this.clock);
			default:
				if (this.beanFactory.containsBean(signer)
						&& this.beanFactory.isTypeMatch(signer, FixLogonSigner.class)) {
					FixLogonSigner bean = this.beanFactory.getBean(signer, FixLogonSigner.class);
					return bean;
				}
				throw context.invalid("signer", signer,
						"Exchange '" + context.exchange() + "' has FIX signer '" + signer
								+ "', which is neither built in nor a FixLogonSigner bean.",
						"Use plain, coinbase, binance, deribit, or the name of a FixLogonSigner bean.");
		}
	}

	private static FixCredentials credentials(FixSettings settings) {
		return new FixCredentials(settings.getUsername(), settings.getPassword(), settings.getSecret(),
				settings.getPrivateKey());
	}

	private @Nullable SSLContext sslContext(FixSettings settings, ExchangeSettingsContext context) {
		String bundle = settings.getSsl().getBundle();
		if (bundle == null) {
			return settings.getSsl().isEnabled() ? defaultSslContext() : null;
		}
		try {
			if (this.sslBundles == null) {
				throw new NoSuchSslBundleException(bundle, "No SslBundles bean is available");
			}
			return this.sslBundles.getBundle(bundle).createSslContext();
		}
		catch (NoSuchSslBundleException ex) {
			throw context.invalid("ssl.bundle", bundle,
					"Exchange '" + context.exchange() + "' names SSL bundle '" + bundle + "', which does not exist.",
					"Define it under spring.ssl.bundle.pem." + bundle + " or spring.ssl.bundle.jks." + bundle
							+ ", or fix " + context.property("ssl.bundle") + ".",
					ex);
		}
	}

	private static SSLContext defaultSslContext() {
		try {
			return SSLContext.getDefault();
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException("The JDK has no default SSLContext", ex);
		}
	}

	private void requireUnique(SessionID sessionId, ExchangeSettingsContext context) {
		String other = this.sessions.putIfAbsent(sessionId, context.exchange());
		if (other != null && !other.equals(context.exchange())) {
			throw context.invalid("sender-comp-id", sessionId.getSenderCompID(),
					"Exchanges '" + other + "' and '" + context.exchange() + "' have the same FIX session id "
							+ sessionId + ".",
					"Give each exchange its own sender-comp-id, target-comp-id or session-qualifier.");
		}
	}

	private static SessionID sessionId(Map<String, String> quickfix) {
		return new SessionID(quickfix.get("BeginString"), quickfix.get("SenderCompID"),
				quickfix.getOrDefault("SenderSubID", ""), "", quickfix.get("TargetCompID"), "", "",
				quickfix.getOrDefault("SessionQualifier", ""));
	}

	private static int port(FixSettings settings, ExchangeSettingsContext context, @Nullable String fromConfig) {
		int port = (settings.getPort() == 0 && fromConfig != null) ? Integer.parseInt(fromConfig.trim())
				: settings.getPort();
		if (port < 1 || port > 65535) {
			throw context.invalid("port", port, "Exchange '" + context.exchange() + "' has FIX port " + port + ".",
					"Set " + context.property("port") + " between 1 and 65535.");
		}
		return port;
	}

	private static String required(ExchangeSettingsContext context, String key, @Nullable String value,
			@Nullable String fallback, String what) {
		if (StringUtils.hasText(value)) {
			return value;
		}
		if (StringUtils.hasText(fallback)) {
			return fallback;
		}
		throw context.invalid(key, null, "Exchange '" + context.exchange() + "' has no FIX " + key + ".",
				"Set " + context.property(key) + " to " + what + ".");
	}

	private static void requireBase64(String secret, ExchangeSettingsContext context) {
		try {
			java.util.Base64.getDecoder().decode(secret);
		}
		catch (IllegalArgumentException ex) {
			throw context.invalid("secret", "******",
					"Exchange '" + context.exchange() + "' has a FIX secret that is not base64.",
					"Set it to the API secret exactly as the venue gave it.", ex);
		}
	}

	private static void putIfText(Map<String, String> quickfix, String key, @Nullable String value) {
		if (StringUtils.hasText(value)) {
			quickfix.put(key, value);
		}
	}

	private static String yesNo(boolean value) {
		return value ? "Y" : "N";
	}

}
