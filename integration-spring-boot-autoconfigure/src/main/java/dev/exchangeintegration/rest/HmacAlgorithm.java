package dev.exchangeintegration.rest;

import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one MAC every signer computes: an HMAC, keyed with the decoded secret. No secret
 * ever appears in the message of an exception thrown from here.
 */
public enum HmacAlgorithm {

	/**
	 * HMAC-SHA256, as Binance, OKX and Bybit sign.
	 */
	SHA256("HmacSHA256"),

	/**
	 * HMAC-SHA384.
	 */
	SHA384("HmacSHA384"),

	/**
	 * HMAC-SHA512, as Kraken signs.
	 */
	SHA512("HmacSHA512");

	private final String jcaName;

	HmacAlgorithm(String jcaName) {
		this.jcaName = jcaName;
	}

	/**
	 * Return the name of the algorithm for {@link Mac}.
	 * @return the name, such as {@code HmacSHA256}
	 */
	public String jcaName() {
		return this.jcaName;
	}

	/**
	 * Compute the MAC of a message.
	 * @param key the key, not empty
	 * @param message the message
	 * @return the MAC
	 */
	public byte[] mac(byte[] key, byte[] message) {
		if (key.length == 0) {
			throw new IllegalStateException("The secret must not be empty");
		}
		try {
			Mac mac = Mac.getInstance(this.jcaName);
			mac.init(new SecretKeySpec(key, this.jcaName));
			return mac.doFinal(message);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Unable to compute " + this.jcaName, ex);
		}
	}

}
