package dev.exchangeintegration.rest;

import java.time.Duration;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * Signs requests to Binance spot and futures {@code SIGNED} ({@code TRADE} and
 * {@code USER_DATA}) endpoints with an HMAC key, as documented in "SIGNED Endpoint
 * security":
 * <ol>
 * <li>appends {@code recvWindow} (when configured) and then {@code timestamp} (epoch
 * milliseconds of {@link SignableRequest#timestamp()}) to the query, each unless the
 * request already carries it in its query or its form body;</li>
 * <li>computes the hex HMAC-SHA256, keyed with the secret, of {@code totalParams}: the
 * encoded query concatenated with the encoded body, with no separator;</li>
 * <li>appends the {@code signature} as the last query parameter or, when the request has
 * a form body, as the last field of the body, as in Binance's examples;</li>
 * <li>sends the API key in the {@code X-MBX-APIKEY} header.</li>
 * </ol>
 * Binance takes parameters in the query or in a form-encoded body, so a JSON body is
 * rejected.
 */
public final class BinanceSigner implements RequestSigner {

	private final @Nullable Duration recvWindow;

	/**
	 * Create a new signer that sends no {@code recvWindow}, leaving Binance's default
	 * (5000 ms).
	 */
	public BinanceSigner() {
		this(null);
	}

	/**
	 * Create a new signer.
	 * @param recvWindow how long after its timestamp a request stays valid, sent in
	 * milliseconds as {@code recvWindow}; {@code null} not to send it (Binance's default
	 * is 5000 ms)
	 */
	public BinanceSigner(@Nullable Duration recvWindow) {
		if (recvWindow != null && recvWindow.toMillis() <= 0) {
			throw new IllegalArgumentException("'recvWindow' must be at least 1 ms");
		}
		this.recvWindow = recvWindow;
	}

	/**
	 * Return the {@code recvWindow} sent with every request.
	 * @return the receive window, or {@code null} when none is sent
	 */
	public @Nullable Duration recvWindow() {
		return this.recvWindow;
	}

	@Override
	public void sign(SignableRequest request, RestCredentials credentials) {
		String apiKey = credentials.requireApiKey();
		byte[] key = SignatureSupport.utf8(credentials.requireSecret());
		boolean hasBody = !request.body().isEmpty();
		if (hasBody && request.bodyEncoding() != BodyEncoding.FORM) {
			throw new IllegalStateException("Binance takes a form-encoded body, not " + request.bodyEncoding());
		}
		if (this.recvWindow != null && SignatureSupport.paramValue(request, "recvWindow") == null) {
			request.addQueryParam("recvWindow", Long.toString(this.recvWindow.toMillis()));
		}
		if (SignatureSupport.paramValue(request, "timestamp") == null) {
			request.addQueryParam("timestamp", SignatureSupport.epochMillis(request.timestamp()));
		}
		String totalParams = request.encodedQuery() + request.body();
		String signature = HexFormat.of()
			.formatHex(SignatureSupport.hmac("HmacSHA256", key, SignatureSupport.utf8(totalParams)));
		if (hasBody) {
			request.body(request.body() + "&signature=" + signature);
		}
		else {
			request.addQueryParam("signature", signature);
		}
		request.header("X-MBX-APIKEY", apiKey);
	}

	@Override
	public String toString() {
		return "BinanceSigner[recvWindow=" + this.recvWindow + "]";
	}

}
