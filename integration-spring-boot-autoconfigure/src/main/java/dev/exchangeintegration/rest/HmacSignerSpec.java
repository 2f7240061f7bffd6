package dev.exchangeintegration.rest;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How an {@link HmacSigner} signs: the message it signs (the prehash), the HMAC
 * algorithm, the encodings of the secret and of the signature, and where the signature,
 * the API key, the timestamp and the nonce go. Immutable; most easily created with
 * {@link #builder()}:
 *
 * <pre class="code">
 * HmacSignerSpec okxLike = HmacSignerSpec.builder()
 *     .prehash(Part.TIMESTAMP_ISO, Part.METHOD, Part.PATH_WITH_QUERY, Part.BODY)
 *     .signatureEncoding(SignatureEncoding.BASE64)
 *     .signature(Placement.header("OK-ACCESS-SIGN"))
 *     .apiKeyHeader("OK-ACCESS-KEY")
 *     .timestamp(Placement.header("OK-ACCESS-TIMESTAMP"))
 *     .build();
 * </pre>
 *
 * @param algorithm the HMAC algorithm; {@link Algorithm#SHA256} with the builder
 * @param secretEncoding how the secret becomes the key; {@link SecretEncoding#RAW} with
 * the builder
 * @param prehash the parts of the signed message, concatenated in order with no separator
 * (a {@link Part#literal(String) literal} part can supply one); must not be empty
 * @param signatureEncoding how the signature is rendered; {@link SignatureEncoding#HEX}
 * with the builder
 * @param signature where the signature goes: a header or a query parameter (appended
 * last)
 * @param apiKeyHeader the header the API key is sent in, or {@code null} (the default
 * with the builder) not to send it
 * @param timestamp where the timestamp is sent, so that the server sees the timestamp
 * that was signed, or {@code null} (the default with the builder) not to send it
 * @param nonce where the nonce is sent, so that the server sees the nonce that was
 * signed, or {@code null} (the default with the builder) not to send it
 */
public record HmacSignerSpec(Algorithm algorithm, SecretEncoding secretEncoding, List<Part> prehash,
		SignatureEncoding signatureEncoding, Placement signature, @Nullable String apiKeyHeader,
		@Nullable Placement timestamp, @Nullable Placement nonce) {

	/**
	 * Create a new spec, checking that it is complete.
	 * @param algorithm the HMAC algorithm
	 * @param secretEncoding how the secret becomes the key
	 * @param prehash the parts of the signed message, not empty
	 * @param signatureEncoding how the signature is rendered
	 * @param signature where the signature goes: a header or a query parameter
	 * @param apiKeyHeader the header the API key is sent in, or {@code null}
	 * @param timestamp where the timestamp is sent, or {@code null}
	 * @param nonce where the nonce is sent, or {@code null}
	 */
	public HmacSignerSpec {
		Objects.requireNonNull(algorithm, "'algorithm' must not be null");
		Objects.requireNonNull(secretEncoding, "'secretEncoding' must not be null");
		Objects.requireNonNull(prehash, "'prehash' must not be null");
		Objects.requireNonNull(signatureEncoding, "'signatureEncoding' must not be null");
		Objects.requireNonNull(signature, "'signature' must not be null");
		if (prehash.isEmpty()) {
			throw new IllegalArgumentException("'prehash' must not be empty");
		}
		prehash = List.copyOf(prehash);
		if (signature.location() == Location.FORM_FIELD) {
			throw new IllegalArgumentException(
					"The signature can go in a header or a query parameter, not in the body");
		}
		if (apiKeyHeader != null && apiKeyHeader.isEmpty()) {
			throw new IllegalArgumentException("'apiKeyHeader' must not be empty");
		}
	}

	/**
	 * Return a builder, with the defaults: HMAC-SHA256, raw secret, hex signature, no API
	 * key header, timestamp and nonce not sent.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * An HMAC algorithm.
	 */
	public enum Algorithm {

		/**
		 * HMAC-SHA256.
		 */
		SHA256("HmacSHA256"),

		/**
		 * HMAC-SHA384.
		 */
		SHA384("HmacSHA384"),

		/**
		 * HMAC-SHA512.
		 */
		SHA512("HmacSHA512");

		private final String jcaName;

		Algorithm(String jcaName) {
			this.jcaName = jcaName;
		}

		/**
		 * Return the name of the algorithm for {@link javax.crypto.Mac}.
		 * @return the name, such as {@code HmacSHA256}
		 */
		public String jcaName() {
			return this.jcaName;
		}

	}

	/**
	 * How the secret becomes the HMAC key.
	 */
	public enum SecretEncoding {

		/**
		 * The UTF-8 bytes of the secret, as Binance, OKX and Bybit use it.
		 */
		RAW,

		/**
		 * The secret is Base64 and is decoded, as Kraken uses it.
		 */
		BASE64

	}

	/**
	 * How the signature is rendered.
	 */
	public enum SignatureEncoding {

		/**
		 * Lower-case hexadecimal.
		 */
		HEX,

		/**
		 * Standard Base64, with padding.
		 */
		BASE64

	}

	/**
	 * Where a value goes in the request.
	 */
	public enum Location {

		/**
		 * A header.
		 */
		HEADER,

		/**
		 * A query parameter, appended last unless the request already carries it in its
		 * query or its form body.
		 */
		QUERY_PARAM,

		/**
		 * A field of a form-encoded body, put first unless the request already carries it
		 * in its query or its form body. Not for the signature.
		 */
		FORM_FIELD

	}

	/**
	 * Where a value goes: a location and a name.
	 *
	 * @param location the location
	 * @param name the name of the header, parameter or field
	 */
	public record Placement(Location location, String name) {

		/**
		 * Create a new placement.
		 * @param location the location
		 * @param name the name of the header, parameter or field, not empty
		 */
		public Placement {
			Objects.requireNonNull(location, "'location' must not be null");
			Objects.requireNonNull(name, "'name' must not be null");
			if (name.isEmpty()) {
				throw new IllegalArgumentException("'name' must not be empty");
			}
		}

		/**
		 * Return a header placement.
		 * @param name the header name
		 * @return the placement
		 */
		public static Placement header(String name) {
			return new Placement(Location.HEADER, name);
		}

		/**
		 * Return a query parameter placement.
		 * @param name the parameter name
		 * @return the placement
		 */
		public static Placement queryParam(String name) {
			return new Placement(Location.QUERY_PARAM, name);
		}

		/**
		 * Return a form body field placement.
		 * @param name the field name
		 * @return the placement
		 */
		public static Placement formField(String name) {
			return new Placement(Location.FORM_FIELD, name);
		}

	}

	/**
	 * One part of the signed message. Text parts are signed as UTF-8; a
	 * {@link Kind#SHA256} part contributes the raw digest of its nested parts.
	 *
	 * @param kind the kind of part
	 * @param text the text of a {@link Kind#LITERAL} part, empty for any other kind
	 * @param parts the nested parts of a {@link Kind#SHA256} part, empty for any other
	 * kind
	 */
	public record Part(Kind kind, String text, List<Part> parts) {

		/**
		 * The timestamp in epoch milliseconds.
		 */
		public static final Part TIMESTAMP = new Part(Kind.TIMESTAMP);

		/**
		 * The timestamp in ISO-8601, UTC, with milliseconds.
		 */
		public static final Part TIMESTAMP_ISO = new Part(Kind.TIMESTAMP_ISO);

		/**
		 * The nonce.
		 */
		public static final Part NONCE = new Part(Kind.NONCE);

		/**
		 * The HTTP method, upper case.
		 */
		public static final Part METHOD = new Part(Kind.METHOD);

		/**
		 * The path, without query.
		 */
		public static final Part PATH = new Part(Kind.PATH);

		/**
		 * The encoded query, without {@code ?}.
		 */
		public static final Part QUERY = new Part(Kind.QUERY);

		/**
		 * The path, then {@code ?} and the encoded query when there is one.
		 */
		public static final Part PATH_WITH_QUERY = new Part(Kind.PATH_WITH_QUERY);

		/**
		 * The encoded body, empty when there is none.
		 */
		public static final Part BODY = new Part(Kind.BODY);

		/**
		 * The API key.
		 */
		public static final Part API_KEY = new Part(Kind.API_KEY);

		/**
		 * Create a new part.
		 * @param kind the kind of part
		 * @param text the text of a {@link Kind#LITERAL} part, empty otherwise
		 * @param parts the nested parts of a {@link Kind#SHA256} part, empty otherwise
		 */
		public Part {
			Objects.requireNonNull(kind, "'kind' must not be null");
			Objects.requireNonNull(text, "'text' must not be null");
			Objects.requireNonNull(parts, "'parts' must not be null");
			parts = List.copyOf(parts);
			if (kind != Kind.LITERAL && !text.isEmpty()) {
				throw new IllegalArgumentException("Only a LITERAL part has text");
			}
			if (kind == Kind.SHA256 && parts.isEmpty()) {
				throw new IllegalArgumentException("A SHA256 part needs nested parts");
			}
			if (kind != Kind.SHA256 && !parts.isEmpty()) {
				throw new IllegalArgumentException("Only a SHA256 part has nested parts");
			}
		}

		private Part(Kind kind) {
			this(kind, "", List.of());
		}

		/**
		 * Return the part of this kind, for any kind but {@link Kind#LITERAL} and
		 * {@link Kind#SHA256}.
		 * @param kind the kind
		 * @return the part
		 */
		public static Part of(Kind kind) {
			return new Part(kind);
		}

		/**
		 * Return a literal text part, such as a separator.
		 * @param text the text
		 * @return the part
		 */
		public static Part literal(String text) {
			return new Part(Kind.LITERAL, text, List.of());
		}

		/**
		 * Return a part made of the raw SHA-256 digest of the concatenated nested parts.
		 * @param parts the nested parts
		 * @return the part
		 */
		public static Part sha256(Part... parts) {
			return new Part(Kind.SHA256, "", Arrays.asList(parts));
		}

		/**
		 * A kind of {@link Part}.
		 */
		public enum Kind {

			/**
			 * The timestamp in epoch milliseconds, such as {@code 1499827319559}.
			 */
			TIMESTAMP,

			/**
			 * The timestamp in ISO-8601, UTC, with milliseconds, such as
			 * {@code 2020-12-08T09:08:57.715Z}.
			 */
			TIMESTAMP_ISO,

			/**
			 * The nonce.
			 */
			NONCE,

			/**
			 * The HTTP method, upper case.
			 */
			METHOD,

			/**
			 * The path, without query.
			 */
			PATH,

			/**
			 * The encoded query, without {@code ?}; empty when there is none.
			 */
			QUERY,

			/**
			 * The path, then {@code ?} and the encoded query when there is one.
			 */
			PATH_WITH_QUERY,

			/**
			 * The encoded body, empty when there is none.
			 */
			BODY,

			/**
			 * The API key.
			 */
			API_KEY,

			/**
			 * A literal text.
			 */
			LITERAL,

			/**
			 * The raw SHA-256 digest of nested parts.
			 */
			SHA256

		}

	}

	/**
	 * A builder of {@link HmacSignerSpec}.
	 */
	public static final class Builder {

		private Algorithm algorithm = Algorithm.SHA256;

		private SecretEncoding secretEncoding = SecretEncoding.RAW;

		private List<Part> prehash = List.of();

		private SignatureEncoding signatureEncoding = SignatureEncoding.HEX;

		private @Nullable Placement signature;

		private @Nullable String apiKeyHeader;

		private @Nullable Placement timestamp;

		private @Nullable Placement nonce;

		private Builder() {
		}

		/**
		 * Set the HMAC algorithm, {@link Algorithm#SHA256} by default.
		 * @param algorithm the algorithm
		 * @return this builder
		 */
		public Builder algorithm(Algorithm algorithm) {
			this.algorithm = algorithm;
			return this;
		}

		/**
		 * Set how the secret becomes the key, {@link SecretEncoding#RAW} by default.
		 * @param secretEncoding the encoding
		 * @return this builder
		 */
		public Builder secretEncoding(SecretEncoding secretEncoding) {
			this.secretEncoding = secretEncoding;
			return this;
		}

		/**
		 * Set the parts of the signed message. Required.
		 * @param parts the parts, in order
		 * @return this builder
		 */
		public Builder prehash(Part... parts) {
			return prehash(Arrays.asList(parts));
		}

		/**
		 * Set the parts of the signed message. Required.
		 * @param parts the parts, in order
		 * @return this builder
		 */
		public Builder prehash(List<Part> parts) {
			this.prehash = List.copyOf(parts);
			return this;
		}

		/**
		 * Set how the signature is rendered, {@link SignatureEncoding#HEX} by default.
		 * @param signatureEncoding the encoding
		 * @return this builder
		 */
		public Builder signatureEncoding(SignatureEncoding signatureEncoding) {
			this.signatureEncoding = signatureEncoding;
			return this;
		}

		/**
		 * Set where the signature goes: a header or a query parameter. Required.
		 * @param signature the placement
		 * @return this builder
		 */
		public Builder signature(Placement signature) {
			this.signature = signature;
			return this;
		}

		/**
		 * Set the header the API key is sent in; none by default.
		 * @param apiKeyHeader the header name
		 * @return this builder
		 */
		public Builder apiKeyHeader(@Nullable String apiKeyHeader) {
			this.apiKeyHeader = apiKeyHeader;
			return this;
		}

		/**
		 * Set where the timestamp is sent; not sent by default.
		 * @param timestamp the placement
		 * @return this builder
		 */
		public Builder timestamp(@Nullable Placement timestamp) {
			this.timestamp = timestamp;
			return this;
		}

		/**
		 * Set where the nonce is sent; not sent by default.
		 * @param nonce the placement
		 * @return this builder
		 */
		public Builder nonce(@Nullable Placement nonce) {
			this.nonce = nonce;
			return this;
		}

		/**
		 * Build the spec.
		 * @return the spec
		 * @throws IllegalStateException when the signature placement is missing
		 * @throws IllegalArgumentException when the prehash is empty or the spec is
		 * otherwise invalid
		 */
		public HmacSignerSpec build() {
			Placement signature = this.signature;
			if (signature == null) {
				throw new IllegalStateException("A signature placement is required");
			}
			return new HmacSignerSpec(this.algorithm, this.secretEncoding, this.prehash, this.signatureEncoding,
					signature, this.apiKeyHeader, this.timestamp, this.nonce);
		}

	}

}
