package dev.exchangeintegration.rest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * A {@link RestRequest} for tests, with every part given as is.
 *
 * @param <R> the type the response body is parsed into
 * @param method the HTTP method
 * @param path the path
 * @param responseType the response type
 * @param queryParams the query parameters, sent in iteration order
 * @param body the body, or {@code null}
 * @param timeout the request's own timeout, or {@code null} for the client's
 * @param weight the weight against weighted rate limits
 */
record TestRequest<R>(HttpMethod method, String path, Class<R> responseType, Map<String, ?> queryParams,
		@Nullable Object body, @Nullable Duration timeout, int weight) implements RestRequest<R> {

	/**
	 * Return a GET without query parameters.
	 * @param <R> the response type
	 * @param path the path
	 * @param responseType the response type
	 * @return the request
	 */
	static <R> TestRequest<R> get(String path, Class<R> responseType) {
		return get(path, responseType, Map.of());
	}

	/**
	 * Return a GET with query parameters.
	 * @param <R> the response type
	 * @param path the path
	 * @param responseType the response type
	 * @param queryParams the query parameters
	 * @return the request
	 */
	static <R> TestRequest<R> get(String path, Class<R> responseType, Map<String, ?> queryParams) {
		return new TestRequest<>(HttpMethod.GET, path, responseType, queryParams, null, null, 1);
	}

	/**
	 * Return a POST without query parameters.
	 * @param <R> the response type
	 * @param path the path
	 * @param responseType the response type
	 * @param body the body, or {@code null}
	 * @return the request
	 */
	static <R> TestRequest<R> post(String path, Class<R> responseType, @Nullable Object body) {
		return new TestRequest<>(HttpMethod.POST, path, responseType, Map.of(), body, null, 1);
	}

	TestRequest<R> withQueryParams(Map<String, ?> queryParams) {
		return new TestRequest<>(this.method, this.path, this.responseType, queryParams, this.body, this.timeout,
				this.weight);
	}

	TestRequest<R> withTimeout(Duration timeout) {
		return new TestRequest<>(this.method, this.path, this.responseType, this.queryParams, this.body, timeout,
				this.weight);
	}

	TestRequest<R> withWeight(int weight) {
		return new TestRequest<>(this.method, this.path, this.responseType, this.queryParams, this.body, this.timeout,
				weight);
	}

	/**
	 * Return a map that keeps the order of the given names, for query parameters and
	 * bodies whose order is signed.
	 * @param namesAndValues name, value, name, value...
	 * @return the map
	 */
	static Map<String, Object> ordered(Object... namesAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			map.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return map;
	}

}
