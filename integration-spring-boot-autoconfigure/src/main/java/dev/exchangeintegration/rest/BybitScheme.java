package dev.exchangeintegration.rest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

import org.springframework.http.HttpMethod;

/**
 * What Bybit's v5 REST private endpoints sign, as documented in "Integration Guidance":
 * <ol>
 * <li>signs the timestamp (epoch milliseconds), the API key, the receive window
 * (milliseconds) and, for {@code GET}, the encoded query or, for any other method, the
 * body, concatenated;</li>
 * <li>sends the {@code X-BAPI-API-KEY}, {@code X-BAPI-SIGN}, {@code X-BAPI-TIMESTAMP}
 * (the signed timestamp) and {@code X-BAPI-RECV-WINDOW} headers.</li>
 * </ol>
 */
final class BybitScheme implements SignatureScheme {

	private final Duration recvWindow;

	BybitScheme(Duration recvWindow) {
		Objects.requireNonNull(recvWindow, "'recvWindow' must not be null");
		if (recvWindow.toMillis() <= 0) {
			throw new IllegalArgumentException("'recvWindow' must be at least 1 ms");
		}
		this.recvWindow = recvWindow;
	}

	@Override
	public Prehash prepare(SignableRequest request, RestCredentials credentials) {
		String apiKey = credentials.requireApiKey();
		String timestamp = request.timestampMillis();
		String recvWindow = Long.toString(this.recvWindow.toMillis());
		String payload = HttpMethod.GET.equals(request.method()) ? request.encodedQuery() : request.body();
		String toSign = timestamp + apiKey + recvWindow + payload;
		return new Prehash(toSign.getBytes(StandardCharsets.UTF_8), (signature) -> {
			request.header("X-BAPI-API-KEY", apiKey);
			request.header("X-BAPI-SIGN", signature);
			request.header("X-BAPI-TIMESTAMP", timestamp);
			request.header("X-BAPI-RECV-WINDOW", recvWindow);
		});
	}

	@Override
	public String toString() {
		return "bybit[recvWindow=" + this.recvWindow + "]";
	}

}
