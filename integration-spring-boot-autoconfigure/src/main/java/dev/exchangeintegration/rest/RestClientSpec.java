package dev.exchangeintegration.rest;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Everything a {@link DefaultExchangeRestClient} is made of, immutable: the settings of
 * one {@code exchange-integration.rest.NAME} entry once bound, checked and resolved. Most
 * easily created with {@link #builder(String, URI)}, which states the defaults.
 * {@link #toString()} never shows the credentials.
 *
 * @param name the client name
 * @param baseUrl the base URL that request paths are appended to
 * @param timeout the time allowed for each attempt of a request that sets none itself
 * @param bodyEncoding how request bodies are encoded
 * @param credentials the credentials the signer signs with
 * @param signer the signer, or {@code null} to send requests unsigned
 * @param errorParser the parser of the exchange's error responses
 * @param rateLimits the rate limits; several can apply to one request
 * @param rateLimitMaxWait the longest a request waits for rate-limit capacity
 * @param retry the retries of idempotent requests
 * @param defaultHeaders the headers sent with every request, in order
 */
public record RestClientSpec(String name, URI baseUrl, Duration timeout, BodyEncoding bodyEncoding,
		RestCredentials credentials, @Nullable RequestSigner signer, ApiErrorParser errorParser,
		List<RateLimitSpec> rateLimits, Duration rateLimitMaxWait, RestRetrySpec retry,
		Map<String, String> defaultHeaders) {

	/**
	 * Create a spec.
	 * @param name the client name
	 * @param baseUrl the base URL
	 * @param timeout the time allowed for each attempt
	 * @param bodyEncoding how request bodies are encoded
	 * @param credentials the credentials
	 * @param signer the signer, or {@code null}
	 * @param errorParser the parser of error responses
	 * @param rateLimits the rate limits
	 * @param rateLimitMaxWait the longest wait for rate-limit capacity
	 * @param retry the retries
	 * @param defaultHeaders the headers sent with every request
	 */
	public RestClientSpec {
		Objects.requireNonNull(name, "'name' must not be null");
		Objects.requireNonNull(baseUrl, "'baseUrl' must not be null");
		Objects.requireNonNull(timeout, "'timeout' must not be null");
		Objects.requireNonNull(bodyEncoding, "'bodyEncoding' must not be null");
		Objects.requireNonNull(credentials, "'credentials' must not be null");
		Objects.requireNonNull(errorParser, "'errorParser' must not be null");
		Objects.requireNonNull(rateLimitMaxWait, "'rateLimitMaxWait' must not be null");
		Objects.requireNonNull(retry, "'retry' must not be null");
		rateLimits = List.copyOf(rateLimits);
		defaultHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(defaultHeaders));
	}

	/**
	 * Start building a spec.
	 * @param name the client name
	 * @param baseUrl the base URL that request paths are appended to
	 * @return a builder
	 */
	public static Builder builder(String name, URI baseUrl) {
		return new Builder(name, baseUrl);
	}

	@Override
	public String toString() {
		return "RestClientSpec[name=" + this.name + ", baseUrl=" + this.baseUrl + ", signer=" + this.signer
				+ ", credentials=" + this.credentials + "]";
	}

	/**
	 * Builds a {@link RestClientSpec}.
	 */
	public static final class Builder {

		private final String name;

		private final URI baseUrl;

		private Duration timeout = Duration.ofSeconds(10);

		private BodyEncoding bodyEncoding = BodyEncoding.JSON;

		private RestCredentials credentials = RestCredentials.NONE;

		private @Nullable RequestSigner signer;

		private ApiErrorParser errorParser = ApiErrorParsers.none();

		private List<RateLimitSpec> rateLimits = List.of();

		private Duration rateLimitMaxWait = Duration.ofSeconds(5);

		private RestRetrySpec retry = RestRetrySpec.DEFAULTS;

		private Map<String, String> defaultHeaders = Map.of();

		private Builder(String name, URI baseUrl) {
			this.name = name;
			this.baseUrl = baseUrl;
		}

		/**
		 * Set the time allowed for each attempt of a request that sets none itself. 10 s
		 * by default.
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			this.timeout = timeout;
			return this;
		}

		/**
		 * Set how bodies are encoded. {@link BodyEncoding#JSON} by default.
		 * @param bodyEncoding the encoding
		 * @return this builder
		 */
		public Builder bodyEncoding(BodyEncoding bodyEncoding) {
			this.bodyEncoding = bodyEncoding;
			return this;
		}

		/**
		 * Set the signer and the credentials it signs with. None by default: requests go
		 * unsigned.
		 * @param signer the signer, or {@code null}
		 * @param credentials the credentials
		 * @return this builder
		 */
		public Builder signer(@Nullable RequestSigner signer, RestCredentials credentials) {
			this.signer = signer;
			this.credentials = credentials;
			return this;
		}

		/**
		 * Set the parser of the exchange's error responses.
		 * {@link ApiErrorParsers#none()} by default: only the HTTP status tells errors
		 * apart.
		 * @param errorParser the parser
		 * @return this builder
		 */
		public Builder errorParser(ApiErrorParser errorParser) {
			this.errorParser = errorParser;
			return this;
		}

		/**
		 * Set the rate limits. None by default.
		 * @param rateLimits the limits
		 * @return this builder
		 */
		public Builder rateLimits(List<RateLimitSpec> rateLimits) {
			this.rateLimits = rateLimits;
			return this;
		}

		/**
		 * Set the longest a request waits for rate-limit capacity. 5 s by default.
		 * @param rateLimitMaxWait the maximum wait
		 * @return this builder
		 */
		public Builder rateLimitMaxWait(Duration rateLimitMaxWait) {
			this.rateLimitMaxWait = rateLimitMaxWait;
			return this;
		}

		/**
		 * Set the retries of idempotent requests. {@link RestRetrySpec#DEFAULTS} by
		 * default.
		 * @param retry the retries
		 * @return this builder
		 */
		public Builder retry(RestRetrySpec retry) {
			this.retry = retry;
			return this;
		}

		/**
		 * Set the headers sent with every request. None by default.
		 * @param defaultHeaders the headers, in order
		 * @return this builder
		 */
		public Builder defaultHeaders(Map<String, String> defaultHeaders) {
			this.defaultHeaders = defaultHeaders;
			return this;
		}

		/**
		 * Build the spec.
		 * @return the spec
		 */
		public RestClientSpec build() {
			return new RestClientSpec(this.name, this.baseUrl, this.timeout, this.bodyEncoding, this.credentials,
					this.signer, this.errorParser, this.rateLimits, this.rateLimitMaxWait, this.retry,
					this.defaultHeaders);
		}

	}

}
