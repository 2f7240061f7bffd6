package dev.exchangeintegration.rest;

import java.util.Base64;
import java.util.HexFormat;

/**
 * How a {@link HmacAlgorithm MAC} is rendered as the signature sent.
 */
public enum SignatureEncoding {

	/**
	 * Lower-case hexadecimal, as Binance and Bybit sign.
	 */
	HEX {

		@Override
		public String encode(byte[] mac) {
			return HexFormat.of().formatHex(mac);
		}

	},

	/**
	 * Standard Base64, with padding, as OKX and Kraken sign.
	 */
	BASE64 {

		@Override
		public String encode(byte[] mac) {
			return Base64.getEncoder().encodeToString(mac);
		}

	};

	/**
	 * Render a MAC.
	 * @param mac the MAC
	 * @return the signature
	 */
	public abstract String encode(byte[] mac);

}
