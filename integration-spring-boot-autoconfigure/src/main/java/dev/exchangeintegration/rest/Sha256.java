package dev.exchangeintegration.rest;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * The SHA-256 digest that some prehashes nest, such as Kraken's.
 */
final class Sha256 {

	private Sha256() {
	}

	static byte[] digest(byte[] message) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(message);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Unable to compute SHA-256", ex);
		}
	}

}
