package dev.exchangeintegration.rest;

import org.jspecify.annotations.Nullable;

/**
 * The credentials a {@link RequestSigner} signs with. {@link #toString()} never shows
 * them.
 *
 * @param apiKey the API key, or {@code null}
 * @param secret the secret, or {@code null}
 * @param passphrase the passphrase, where the exchange needs one, or {@code null}
 */
public record RestCredentials(@Nullable String apiKey, @Nullable String secret, @Nullable String passphrase) {

	/**
	 * No credentials.
	 */
	public static final RestCredentials NONE = new RestCredentials(null, null, null);

	/**
	 * Return the API key, failing when there is none.
	 * @return the API key
	 */
	public String requireApiKey() {
		if (this.apiKey == null || this.apiKey.isEmpty()) {
			throw new IllegalStateException("An api-key is required to sign this request");
		}
		return this.apiKey;
	}

	/**
	 * Return the secret, failing when there is none.
	 * @return the secret
	 */
	public String requireSecret() {
		if (this.secret == null || this.secret.isEmpty()) {
			throw new IllegalStateException("A secret is required to sign this request");
		}
		return this.secret;
	}

	/**
	 * Return the passphrase, failing when there is none.
	 * @return the passphrase
	 */
	public String requirePassphrase() {
		if (this.passphrase == null || this.passphrase.isEmpty()) {
			throw new IllegalStateException("A passphrase is required to sign this request");
		}
		return this.passphrase;
	}

	@Override
	public String toString() {
		return "RestCredentials[apiKey=" + mask(this.apiKey) + ", secret=" + mask(this.secret) + ", passphrase="
				+ mask(this.passphrase) + "]";
	}

	private static String mask(@Nullable String value) {
		return (value != null) ? "******" : "null";
	}

}
