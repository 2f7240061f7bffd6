package dev.exchangeintegration.rest;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The built-in {@link RequestSigner}s. Each is a {@link MacSigner}: the exchange's
 * {@link SignatureScheme} (what it signs, where the signature goes) over the one HMAC and
 * one encoder, so they differ only in their scheme. The Binance and Kraken signers
 * reproduce those exchanges' published examples byte for byte.
 */
public final class Signers {

	/**
	 * Bybit's own default receive window, 5000 ms.
	 */
	public static final Duration BYBIT_DEFAULT_RECV_WINDOW = Duration.ofMillis(5000);

	private Signers() {
	}

	/**
	 * Return the Binance signer: hex HMAC-SHA256 of query + body, in {@code signature},
	 * with {@code timestamp}, {@code recvWindow} when set, and {@code X-MBX-APIKEY}.
	 * @param recvWindow how long after its timestamp a request stays valid, sent in
	 * milliseconds as {@code recvWindow}; {@code null} not to send it (Binance's default
	 * is 5000 ms)
	 * @return the signer
	 */
	public static RequestSigner binance(@Nullable Duration recvWindow) {
		return new MacSigner("binance", new BinanceScheme(recvWindow), HmacAlgorithm.SHA256, SecretEncoding.RAW,
				SignatureEncoding.HEX);
	}

	/**
	 * Return the Kraken signer: {@code nonce} first in the form body, then
	 * {@code API-Sign} = base64 HMAC-SHA512(base64-decoded secret, path + SHA-256(nonce +
	 * body)), with {@code API-Key}.
	 * @return the signer
	 */
	public static RequestSigner kraken() {
		return new MacSigner("kraken", new KrakenScheme(), HmacAlgorithm.SHA512, SecretEncoding.BASE64,
				SignatureEncoding.BASE64);
	}

	/**
	 * Return the OKX signer: {@code OK-ACCESS-SIGN} = base64 HMAC-SHA256 of ISO timestamp
	 * + method + path?query + body, with {@code OK-ACCESS-KEY},
	 * {@code OK-ACCESS-TIMESTAMP} and {@code OK-ACCESS-PASSPHRASE}.
	 * @return the signer
	 */
	public static RequestSigner okx() {
		return new MacSigner("okx", new OkxScheme(), HmacAlgorithm.SHA256, SecretEncoding.RAW,
				SignatureEncoding.BASE64);
	}

	/**
	 * Return the Bybit signer with a receive window of {@link #BYBIT_DEFAULT_RECV_WINDOW
	 * 5000 ms}.
	 * @return the signer
	 * @see #bybit(Duration)
	 */
	public static RequestSigner bybit() {
		return bybit(BYBIT_DEFAULT_RECV_WINDOW);
	}

	/**
	 * Return the Bybit signer: {@code X-BAPI-SIGN} = hex HMAC-SHA256 of timestamp + API
	 * key + receive window + (query for GET, body otherwise), with
	 * {@code X-BAPI-API-KEY}, {@code X-BAPI-TIMESTAMP} and {@code X-BAPI-RECV-WINDOW}.
	 * @param recvWindow how long after its timestamp a request stays valid, at least 1 ms
	 * @return the signer
	 */
	public static RequestSigner bybit(Duration recvWindow) {
		return new MacSigner("bybit", new BybitScheme(recvWindow), HmacAlgorithm.SHA256, SecretEncoding.RAW,
				SignatureEncoding.HEX);
	}

	/**
	 * Return the generic signer that a spec describes.
	 * @param spec what to sign, with which MAC and encodings, and where things go
	 * @return the signer
	 */
	public static RequestSigner hmac(HmacSignerSpec spec) {
		return new MacSigner("hmac", new PrehashScheme(spec), spec.algorithm(), spec.secretEncoding(),
				spec.signatureEncoding());
	}

}
