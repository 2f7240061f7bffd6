package dev.exchangeintegration.rest;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

import org.springframework.http.HttpMethod;

/**
 * Signs requests to Bybit's v5 REST private endpoints with an HMAC key, as documented in
 * "Integration Guidance":
 * <ol>
 * <li>builds the string to sign: the timestamp (epoch milliseconds), the API key, the
 * receive window (milliseconds) and, for {@code GET}, the encoded query or, for any other
 * method, the body, concatenated;</li>
 * <li>computes {@code X-BAPI-SIGN}: the hex HMAC-SHA256 of that string, keyed with the
 * secret;</li>
 * <li>sends the {@code X-BAPI-API-KEY}, {@code X-BAPI-SIGN}, {@code X-BAPI-TIMESTAMP}
 * (the signed timestamp) and {@code X-BAPI-RECV-WINDOW} headers.</li>
 * </ol>
 */
public final class BybitSigner implements RequestSigner {

	/**
	 * The default receive window, 5000 ms, Bybit's own default.
	 */
	public static final Duration DEFAULT_RECV_WINDOW = Duration.ofMillis(5000);

	private final Duration recvWindow;

	/**
	 * Create a new signer with a receive window of 5000 ms.
	 */
	public BybitSigner() {
		this(DEFAULT_RECV_WINDOW);
	}

	/**
	 * Create a new signer.
	 * @param recvWindow how long after its timestamp a request stays valid, sent in
	 * milliseconds as {@code X-BAPI-RECV-WINDOW}
	 */
	public BybitSigner(Duration recvWindow) {
		Objects.requireNonNull(recvWindow, "'recvWindow' must not be null");
		if (recvWindow.toMillis() <= 0) {
			throw new IllegalArgumentException("'recvWindow' must be at least 1 ms");
		}
		this.recvWindow = recvWindow;
	}

	/**
	 * Return the receive window sent with every request, 5000 ms by default.
	 * @return the receive window
	 */
	public Duration recvWindow() {
		return this.recvWindow;
	}

	@Override
	public void sign(SignableRequest request, RestCredentials credentials) {
		String apiKey = credentials.requireApiKey();
		byte[] key = SignatureSupport.utf8(credentials.requireSecret());
		String timestamp = SignatureSupport.epochMillis(request.timestamp());
		String recvWindow = Long.toString(this.recvWindow.toMillis());
		String payload = HttpMethod.GET.equals(request.method()) ? request.encodedQuery() : request.body();
		String toSign = timestamp + apiKey + recvWindow + payload;
		String signature = HexFormat.of()
			.formatHex(SignatureSupport.hmac("HmacSHA256", key, SignatureSupport.utf8(toSign)));
		request.header("X-BAPI-API-KEY", apiKey);
		request.header("X-BAPI-SIGN", signature);
		request.header("X-BAPI-TIMESTAMP", timestamp);
		request.header("X-BAPI-RECV-WINDOW", recvWindow);
	}

	@Override
	public String toString() {
		return "BybitSigner[recvWindow=" + this.recvWindow + "]";
	}

}
