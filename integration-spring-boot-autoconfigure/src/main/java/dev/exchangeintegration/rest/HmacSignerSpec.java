package dev.exchangeintegration.rest;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How the generic {@code hmac} signer signs ({@link Signers#hmac(HmacSignerSpec)}): the
 * message it signs (the prehash), the MAC, the encodings of the secret and of the
 * signature, and where the signature, the API key, the timestamp and the nonce go.
 * Immutable; most easily created with {@link #builder()}:
 *
 * <pre class="code">
 * HmacSignerSpec okxLike = HmacSignerSpec.builder()
 *     .prehash(PrehashPart.TIMESTAMP_ISO, PrehashPart.METHOD, PrehashPart.PATH_WITH_QUERY, PrehashPart.BODY)
 *     .signatureEncoding(SignatureEncoding.BASE64)
 *     .signature(Placement.header("OK-ACCESS-SIGN"))
 *     .apiKeyHeader("OK-ACCESS-KEY")
 *     .timestamp(Placement.header("OK-ACCESS-TIMESTAMP"))
 *     .build();
 * </pre>
 *
 * @param algorithm the MAC; {@link HmacAlgorithm#SHA256} with the builder
 * @param secretEncoding how the secret becomes the key; {@link SecretEncoding#RAW} with
 * the builder
 * @param prehash the parts of the signed message, concatenated in order with no separator
 * (a {@link PrehashPart#literal(String) literal} part can supply one); must not be empty
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
public record HmacSignerSpec(HmacAlgorithm algorithm, SecretEncoding secretEncoding, List<PrehashPart> prehash,
		SignatureEncoding signatureEncoding, Placement signature, @Nullable String apiKeyHeader,
		@Nullable Placement timestamp, @Nullable Placement nonce) {

	/**
	 * Create a new spec, checking that it is complete.
	 * @param algorithm the MAC
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
		if (signature.location() == Placement.Location.FORM_FIELD) {
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
	 * A builder of {@link HmacSignerSpec}.
	 */
	public static final class Builder {

		private HmacAlgorithm algorithm = HmacAlgorithm.SHA256;

		private SecretEncoding secretEncoding = SecretEncoding.RAW;

		private List<PrehashPart> prehash = List.of();

		private SignatureEncoding signatureEncoding = SignatureEncoding.HEX;

		private @Nullable Placement signature;

		private @Nullable String apiKeyHeader;

		private @Nullable Placement timestamp;

		private @Nullable Placement nonce;

		private Builder() {
		}

		/**
		 * Set the MAC, {@link HmacAlgorithm#SHA256} by default.
		 * @param algorithm the algorithm
		 * @return this builder
		 */
		public Builder algorithm(HmacAlgorithm algorithm) {
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
		public Builder prehash(PrehashPart... parts) {
			return prehash(Arrays.asList(parts));
		}

		/**
		 * Set the parts of the signed message. Required.
		 * @param parts the parts, in order
		 * @return this builder
		 */
		public Builder prehash(List<PrehashPart> parts) {
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
