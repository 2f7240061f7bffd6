package dev.exchangeintegration.rest.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.exchangeintegration.rest.BodyEncoding;
import org.jspecify.annotations.Nullable;

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
	private final HmacProperties hmac = new HmacProperties();

	/**
	 * Rate limits; several can apply to one request.
	 */
	private List<RateLimitProperties> rateLimits = new ArrayList<>();

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

	public HmacProperties getHmac() {
		return this.hmac;
	}

	public List<RateLimitProperties> getRateLimits() {
		return this.rateLimits;
	}

	public void setRateLimits(List<RateLimitProperties> rateLimits) {
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

}
