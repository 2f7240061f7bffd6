package dev.exchangeintegration.rest.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.exchangeintegration.rest.BodyEncoding;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * Settings of one exchange REST client, under {@code exchange-integration.rest.NAME}.
 * They are checked, once, when they become the client's
 * {@link dev.exchangeintegration.rest.RestClientSpec RestClientSpec}. {@link #toString()}
 * never shows the credentials.
 */
public class RestClientProperties {

	/**
	 * Base URL that request paths are appended to, such as https://api.binance.com.
	 */
	private @Nullable URI baseUrl;

	/**
	 * Time allowed for a request that sets none itself.
	 */
	private Duration timeout = Duration.ofSeconds(10);

	/**
	 * How request bodies are encoded: json or form.
	 */
	private BodyEncoding bodyEncoding = BodyEncoding.JSON;

	/**
	 * API key. Never logged or shown by Actuator.
	 */
	private @Nullable String apiKey;

	/**
	 * API secret. Never logged or shown by Actuator.
	 */
	private @Nullable String secret;

	/**
	 * API passphrase, where the exchange needs one (OKX). Never logged or shown by
	 * Actuator.
	 */
	private @Nullable String passphrase;

	/**
	 * How requests are signed: binance, kraken, okx, bybit, hmac (configured under hmac),
	 * or the name of a RequestSigner bean. Unsigned when not set.
	 */
	private @Nullable String signer;

	/**
	 * Receive window sent by the binance and bybit signers (Binance's recvWindow, Bybit's
	 * X-BAPI-RECV-WINDOW). Binance's default applies when not set; Bybit's is 5s.
	 */
	private @Nullable Duration recvWindow;

	/**
	 * How the exchange's error responses look: binance, kraken, okx, bybit, none, or the
	 * name of an ApiErrorParser bean. Defaults to the signer's exchange, or none.
	 */
	private @Nullable String errorParser;

	/**
	 * Settings of the generic hmac signer.
	 */
	private final Hmac hmac = new Hmac();

	/**
	 * Rate limits; several can apply to one request.
	 */
	private List<RateLimit> rateLimits = new ArrayList<>();

	/**
	 * Longest a request waits for rate-limit capacity before it fails.
	 */
	private Duration rateLimitMaxWait = Duration.ofSeconds(5);

	/**
	 * Retries of idempotent requests after 5xx, 429 and connection errors.
	 */
	private final Retry retry = new Retry();

	/**
	 * TLS settings.
	 */
	private final Ssl ssl = new Ssl();

	/**
	 * Headers sent with every request.
	 */
	private Map<String, String> defaultHeaders = new LinkedHashMap<>();

	public @Nullable URI getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(@Nullable URI baseUrl) {
		this.baseUrl = baseUrl;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public BodyEncoding getBodyEncoding() {
		return this.bodyEncoding;
	}

	public void setBodyEncoding(BodyEncoding bodyEncoding) {
		this.bodyEncoding = bodyEncoding;
	}

	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	public @Nullable String getSecret() {
		return this.secret;
	}

	public void setSecret(@Nullable String secret) {
		this.secret = secret;
	}

	public @Nullable String getPassphrase() {
		return this.passphrase;
	}

	public void setPassphrase(@Nullable String passphrase) {
		this.passphrase = passphrase;
	}

	public @Nullable String getSigner() {
		return this.signer;
	}

	public void setSigner(@Nullable String signer) {
		this.signer = signer;
	}

	public @Nullable Duration getRecvWindow() {
		return this.recvWindow;
	}

	public void setRecvWindow(@Nullable Duration recvWindow) {
		this.recvWindow = recvWindow;
	}

	public @Nullable String getErrorParser() {
		return this.errorParser;
	}

	public void setErrorParser(@Nullable String errorParser) {
		this.errorParser = errorParser;
	}

	public Hmac getHmac() {
		return this.hmac;
	}

	public List<RateLimit> getRateLimits() {
		return this.rateLimits;
	}

	public void setRateLimits(List<RateLimit> rateLimits) {
		this.rateLimits = rateLimits;
	}

	public Duration getRateLimitMaxWait() {
		return this.rateLimitMaxWait;
	}

	public void setRateLimitMaxWait(Duration rateLimitMaxWait) {
		this.rateLimitMaxWait = rateLimitMaxWait;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	public Map<String, String> getDefaultHeaders() {
		return this.defaultHeaders;
	}

	public void setDefaultHeaders(Map<String, String> defaultHeaders) {
		this.defaultHeaders = defaultHeaders;
	}

	@Override
	public String toString() {
		return "RestClientProperties[baseUrl=" + this.baseUrl + ", signer=" + this.signer + ", apiKey="
				+ ((this.apiKey != null) ? "******" : null) + ", secret=" + ((this.secret != null) ? "******" : null)
				+ ", passphrase=" + ((this.passphrase != null) ? "******" : null) + "]";
	}

	/**
	 * One rate limit.
	 */
	public static class RateLimit {

		/**
		 * Name of the limit, used in errors; defaults to its position, such as limit-0.
		 */
		private @Nullable String name;

		/**
		 * Capacity per window: requests, or request weight when weighted.
		 */
		private long limit;

		/**
		 * Length of a window; windows are aligned to the clock.
		 */
		private Duration period = Duration.ofMinutes(1);

		/**
		 * Whether a request consumes its declared weight (true) or 1 (false, as for an
		 * order count).
		 */
		private boolean weighted = true;

		/**
		 * Methods the limit applies to; all when empty.
		 */
		private Set<HttpMethod> methods = new LinkedHashSet<>();

		/**
		 * Path prefixes the limit applies to; all when empty.
		 */
		private List<String> paths = new ArrayList<>();

		/**
		 * Response header with the exchange's count of the window's usage, such as
		 * X-MBX-USED-WEIGHT-1M, from which the limit resynchronises.
		 */
		private @Nullable String usageHeader;

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public long getLimit() {
			return this.limit;
		}

		public void setLimit(long limit) {
			this.limit = limit;
		}

		public Duration getPeriod() {
			return this.period;
		}

		public void setPeriod(Duration period) {
			this.period = period;
		}

		public boolean isWeighted() {
			return this.weighted;
		}

		public void setWeighted(boolean weighted) {
			this.weighted = weighted;
		}

		public Set<HttpMethod> getMethods() {
			return this.methods;
		}

		public void setMethods(Set<HttpMethod> methods) {
			this.methods = methods;
		}

		public List<String> getPaths() {
			return this.paths;
		}

		public void setPaths(List<String> paths) {
			this.paths = paths;
		}

		public @Nullable String getUsageHeader() {
			return this.usageHeader;
		}

		public void setUsageHeader(@Nullable String usageHeader) {
			this.usageHeader = usageHeader;
		}

	}

	/**
	 * Retry settings.
	 */
	public static class Retry {

		/**
		 * Retries after the first attempt, for GET, HEAD, OPTIONS, PUT and DELETE only; 0
		 * for none.
		 */
		private int maxAttempts = 3;

		/**
		 * Delay before the first retry; it doubles after each.
		 */
		private Duration initialBackoff = Duration.ofMillis(200);

		/**
		 * Cap on a delay, Retry-After included: a longer Retry-After fails the request
		 * rather than wait.
		 */
		private Duration maxBackoff = Duration.ofSeconds(5);

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
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

	}

	/**
	 * TLS settings.
	 */
	public static class Ssl {

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) to trust and present for https://,
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
	 * Settings of the generic hmac signer.
	 */
	public static class Hmac {

		/**
		 * HMAC algorithm: sha256, sha384 or sha512.
		 */
		private String algorithm = "sha256";

		/**
		 * How the signature is rendered: hex or base64.
		 */
		private String signatureEncoding = "hex";

		/**
		 * How the secret becomes the key: raw or base64 (decoded).
		 */
		private String secretEncoding = "raw";

		/**
		 * Parts of the signed message, concatenated in order: timestamp, timestamp-iso,
		 * nonce, method, path, query, path-with-query, body, api-key, or literal:TEXT.
		 */
		private List<String> prehash = new ArrayList<>();

		/**
		 * Where the signature goes: header or query-param.
		 */
		private String signatureLocation = "header";

		/**
		 * Name of the signature header or query parameter.
		 */
		private String signatureName = "signature";

		/**
		 * Header the API key is sent in; not sent when unset.
		 */
		private @Nullable String apiKeyHeader;

		/**
		 * Header the signed timestamp is sent in; not sent when unset.
		 */
		private @Nullable String timestampHeader;

		public String getAlgorithm() {
			return this.algorithm;
		}

		public void setAlgorithm(String algorithm) {
			this.algorithm = algorithm;
		}

		public String getSignatureEncoding() {
			return this.signatureEncoding;
		}

		public void setSignatureEncoding(String signatureEncoding) {
			this.signatureEncoding = signatureEncoding;
		}

		public String getSecretEncoding() {
			return this.secretEncoding;
		}

		public void setSecretEncoding(String secretEncoding) {
			this.secretEncoding = secretEncoding;
		}

		public List<String> getPrehash() {
			return this.prehash;
		}

		public void setPrehash(List<String> prehash) {
			this.prehash = prehash;
		}

		public String getSignatureLocation() {
			return this.signatureLocation;
		}

		public void setSignatureLocation(String signatureLocation) {
			this.signatureLocation = signatureLocation;
		}

		public String getSignatureName() {
			return this.signatureName;
		}

		public void setSignatureName(String signatureName) {
			this.signatureName = signatureName;
		}

		public @Nullable String getApiKeyHeader() {
			return this.apiKeyHeader;
		}

		public void setApiKeyHeader(@Nullable String apiKeyHeader) {
			this.apiKeyHeader = apiKeyHeader;
		}

		public @Nullable String getTimestampHeader() {
			return this.timestampHeader;
		}

		public void setTimestampHeader(@Nullable String timestampHeader) {
			this.timestampHeader = timestampHeader;
		}

	}

}
