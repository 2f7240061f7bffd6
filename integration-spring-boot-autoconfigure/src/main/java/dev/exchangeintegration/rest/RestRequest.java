package dev.exchangeintegration.rest;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * One call to an exchange's REST API, typically implemented by a record:
 *
 * <pre class="code">
 * record NewOrder(String symbol, String side, BigDecimal quantity) implements RestRequest&lt;OrderAck&gt; {
 *     public HttpMethod method() { return HttpMethod.POST; }
 *     public String path() { return "/api/v3/order"; }
 *     public Class&lt;OrderAck&gt; responseType() { return OrderAck.class; }
 *     public Map&lt;String, ?&gt; queryParams() {
 *         return Map.of("symbol", symbol, "side", side, "type", "MARKET", "quantity", quantity);
 *     }
 * }
 * </pre>
 *
 * @param <R> the type the response body is parsed into
 */
public interface RestRequest<R> {

	/**
	 * Return the HTTP method.
	 * @return the method
	 */
	HttpMethod method();

	/**
	 * Return the path, relative to the client's {@code base-url}, without a query.
	 * @return the path, such as {@code /api/v3/order}
	 */
	String path();

	/**
	 * Return the path as a template, the {@code uri} tag of the request metrics, such as
	 * {@code /api/v3/order/{id}} for a path carrying an id. {@link #path()} by default.
	 * @return the path template
	 */
	default String uriTemplate() {
		return path();
	}

	/**
	 * Return the type the response body is parsed into: {@code String} and {@code byte[]}
	 * take the raw body, anything else is bound with Jackson.
	 * @return the response type
	 */
	Class<R> responseType();

	/**
	 * Return the query parameters, sent in iteration order; values are rendered with
	 * {@code toString()} ({@code BigDecimal} as plain text). Empty by default.
	 * @return the query parameters
	 */
	default Map<String, ?> queryParams() {
		return Map.of();
	}

	/**
	 * Return the body: a {@code Map} or an object, encoded as JSON or as a form according
	 * to the client's {@code body-encoding}. {@code null} (no body) by default.
	 * @return the body, or {@code null}
	 */
	default @Nullable Object body() {
		return null;
	}

	/**
	 * Return the time allowed for this request, or {@code null} (the default) for the
	 * client's {@code timeout}.
	 * @return the timeout, or {@code null}
	 */
	default @Nullable Duration timeout() {
		return null;
	}

	/**
	 * Return the weight of this request against the client's weighted rate limits, such
	 * as Binance's request weight. 1 by default.
	 * @return the weight
	 */
	default int weight() {
		return 1;
	}

}
