package dev.exchangeintegration.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How a secret becomes the key of the {@link HmacAlgorithm MAC}. A failure never shows
 * the secret.
 */
public enum SecretEncoding {

	/**
	 * The UTF-8 bytes of the secret, as Binance, OKX and Bybit use it.
	 */
	RAW {

		@Override
		public byte[] key(String secret) {
			return secret.getBytes(StandardCharsets.UTF_8);
		}

	},

	/**
	 * The secret is Base64 and is decoded, as Kraken uses it.
	 */
	BASE64 {

		@Override
		public byte[] key(String secret) {
			byte[] key;
			try {
				key = Base64.getDecoder().decode(secret);
			}
			catch (IllegalArgumentException ex) {
				// The cause is dropped: its message quotes a character of the secret
				throw new IllegalStateException("The secret is not valid Base64");
			}
			if (key.length == 0) {
				throw new IllegalStateException("The secret must not decode to an empty key");
			}
			return key;
		}

	};

	/**
	 * Return the key a secret stands for.
	 * @param secret the secret
	 * @return the key bytes
	 */
	public abstract byte[] key(String secret);

}
