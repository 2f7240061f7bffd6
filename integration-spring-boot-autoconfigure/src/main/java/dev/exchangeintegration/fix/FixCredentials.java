package dev.exchangeintegration.fix;

import org.jspecify.annotations.Nullable;

/**
 * The credentials of a FIX session, as configured under {@code fix.*}. Its
 * {@link #toString()} shows no secret.
 *
 * @param username the Username(553), usually the API key
 * @param password the Password(554), or a passphrase
 * @param secret the secret the Logon is signed with
 * @param privateKey a PKCS#8 PEM private key the Logon is signed with
 */
public record FixCredentials(@Nullable String username, @Nullable String password, @Nullable String secret,
		@Nullable String privateKey) {

	/**
	 * Return a value, failing with a message naming the missing key.
	 * @param value the value
	 * @param key the key it is configured by, such as {@code secret}
	 * @return the value
	 */
	static String required(@Nullable String value, String key) {
		if (value == null || value.isEmpty()) {
			throw new IllegalStateException("The FIX logon signer needs fix." + key);
		}
		return value;
	}

	@Override
	public String toString() {
		return "FixCredentials[username=" + this.username + ", password=" + mask(this.password) + ", secret="
				+ mask(this.secret) + ", privateKey=" + mask(this.privateKey) + "]";
	}

	private static String mask(@Nullable String value) {
		return (value != null) ? "******" : "null";
	}

}
