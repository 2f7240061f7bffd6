package dev.exchangeintegration.rest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What Binance spot and futures {@code SIGNED} endpoints sign, as documented in "SIGNED
 * Endpoint security":
 * <ol>
 * <li>appends {@code recvWindow} (when configured) and then {@code timestamp} (epoch
 * milliseconds) to the query, each unless the request already carries it in its query or
 * its form body;</li>
 * <li>signs {@code totalParams}: the encoded query concatenated with the encoded body,
 * with no separator;</li>
 * <li>appends the {@code signature} as the last query parameter or, when the request has
 * a form body, as the last field of the body, as in Binance's examples, and sends the API
 * key in the {@code X-MBX-APIKEY} header.</li>
 * </ol>
 * Binance takes parameters in the query or in a form-encoded body, so a JSON body is
 * rejected.
 */
final class BinanceScheme implements SignatureScheme {

	private final @Nullable Duration recvWindow;

	BinanceScheme(@Nullable Duration recvWindow) {
		if (recvWindow != null && recvWindow.toMillis() <= 0) {
			throw new IllegalArgumentException("'recvWindow' must be at least 1 ms");
		}
		this.recvWindow = recvWindow;
	}

	@Override
	public Prehash prepare(SignableRequest request, RestCredentials credentials) {
		String apiKey = credentials.requireApiKey();
		boolean hasBody = !request.body().isEmpty();
		if (hasBody && request.bodyEncoding() != BodyEncoding.FORM) {
			throw new IllegalStateException("Binance takes a form-encoded body, not " + request.bodyEncoding());
		}
		if (this.recvWindow != null && request.param("recvWindow") == null) {
			request.addQueryParam("recvWindow", Long.toString(this.recvWindow.toMillis()));
		}
		if (request.param("timestamp") == null) {
			request.addQueryParam("timestamp", request.timestampMillis());
		}
		String totalParams = request.encodedQuery() + request.body();
		return new Prehash(totalParams.getBytes(StandardCharsets.UTF_8), (signature) -> {
			if (hasBody) {
				request.body(request.body() + "&signature=" + signature);
			}
			else {
				request.addQueryParam("signature", signature);
			}
			request.header("X-MBX-APIKEY", apiKey);
		});
	}

	@Override
	public String toString() {
		return "binance[recvWindow=" + this.recvWindow + "]";
	}

}
