package dev.exchangeintegration.rest;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@link ApiErrorParser} for OKX's v5 API, whose responses, successful or not, are
 * envelopes with a string {@code code} and a string {@code msg}: <pre class="code">
 * {"code":"51000","msg":"Parameter ordType error","data":[]}
 * </pre> {@code code} {@code "0"} is a success. Trading endpoints report the outcome per
 * order in {@code data[].sCode} and {@code data[].sMsg}, under a generic top-level code
 * ({@code "1"}: all operations failed, {@code "2"}: partially succeeded):
 * <pre class="code">
 * {"code":"1","msg":"All operations failed","data":[{"ordId":"","sCode":"51008","sMsg":"Order failed. Insufficient balance"}]}
 * </pre> When the top-level code is not {@code "0"} and an entry of {@code data} has an
 * {@code sCode} other than {@code "0"}, the first such entry gives the code and message
 * (its {@code sMsg}, or the top-level {@code msg} when that is empty), so a partial
 * success is an error too. Otherwise the top-level code and message are used.
 */
final class OkxApiErrorParser implements ApiErrorParser {

	private static final String SUCCESS = "0";

	@Override
	public @Nullable ApiError parse(int status, JsonNode body) {
		if (!body.isObject()) {
			return null;
		}
		JsonNode code = body.get("code");
		JsonNode msg = body.get("msg");
		if (code == null || !code.isString() || msg == null || !msg.isString()) {
			return null;
		}
		if (SUCCESS.equals(code.stringValue())) {
			return null;
		}
		ApiError itemError = firstItemError(body.get("data"), msg.stringValue());
		return (itemError != null) ? itemError : new ApiError(code.stringValue(), msg.stringValue());
	}

	private static @Nullable ApiError firstItemError(@Nullable JsonNode data, String msg) {
		if (data == null || !data.isArray()) {
			return null;
		}
		for (JsonNode item : data) {
			JsonNode sCode = item.isObject() ? item.get("sCode") : null;
			if (sCode != null && (sCode.isString() || sCode.isIntegralNumber()) && !SUCCESS.equals(sCode.asString())) {
				String sMsg = item.path("sMsg").stringValue("");
				return new ApiError(sCode.asString(), sMsg.isEmpty() ? msg : sMsg);
			}
		}
		return null;
	}

}
