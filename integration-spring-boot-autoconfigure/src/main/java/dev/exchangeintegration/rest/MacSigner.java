package dev.exchangeintegration.rest;

import java.util.Objects;

/**
 * A {@link RequestSigner} made of an exchange's {@link SignatureScheme} (what to sign,
 * where the signature goes), one {@link HmacAlgorithm MAC} keyed with the decoded secret,
 * and one {@link SignatureEncoding encoder}: every built-in signer, the generic
 * {@code hmac} one included, is one of these. Thread-safe when its scheme is.
 */
public final class MacSigner implements RequestSigner {

	private final String name;

	private final SignatureScheme scheme;

	private final HmacAlgorithm algorithm;

	private final SecretEncoding secretEncoding;

	private final SignatureEncoding signatureEncoding;

	/**
	 * Create a new signer.
	 * @param name a name for {@link #toString()}, such as {@code binance}
	 * @param scheme what to sign and where the signature goes
	 * @param algorithm the MAC
	 * @param secretEncoding how the secret becomes the key
	 * @param signatureEncoding how the MAC is rendered
	 */
	public MacSigner(String name, SignatureScheme scheme, HmacAlgorithm algorithm, SecretEncoding secretEncoding,
			SignatureEncoding signatureEncoding) {
		this.name = Objects.requireNonNull(name, "'name' must not be null");
		this.scheme = Objects.requireNonNull(scheme, "'scheme' must not be null");
		this.algorithm = Objects.requireNonNull(algorithm, "'algorithm' must not be null");
		this.secretEncoding = Objects.requireNonNull(secretEncoding, "'secretEncoding' must not be null");
		this.signatureEncoding = Objects.requireNonNull(signatureEncoding, "'signatureEncoding' must not be null");
	}

	@Override
	public void sign(SignableRequest request, RestCredentials credentials) {
		SignatureScheme.Prehash prehash = this.scheme.prepare(request, credentials);
		byte[] key = this.secretEncoding.key(credentials.requireSecret());
		prehash.placement().accept(this.signatureEncoding.encode(this.algorithm.mac(key, prehash.message())));
	}

	@Override
	public String toString() {
		return "MacSigner[" + this.name + ", " + this.algorithm.jcaName() + ", " + this.signatureEncoding + "]";
	}

}
