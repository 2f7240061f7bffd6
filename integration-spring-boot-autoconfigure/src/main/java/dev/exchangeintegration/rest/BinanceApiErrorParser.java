package dev.exchangeintegration.rest;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@link ApiErrorParser} for Binance (spot, margin and derivatives), whose errors are
 * objects with a numeric {@code code} and a string {@code msg}: <pre class="code">
 * {"code":-1121,"msg":"Invalid symbol."}
 * </pre> A few endpoints, such as the futures position-mode change, answer a success in
 * the same shape with code {@code 200} (or {@code 0}), so those codes are not errors.
 * Per-item errors inside a batch response (a JSON array) are left to the caller.
 */
final class BinanceApiErrorParser implements ApiErrorParser {

	@Override
	public @Nullable ApiError parse(int status, JsonNode body) {
		if (!body.isObject()) {
			return null;
		}
		JsonNode code = body.get("code");
		JsonNode msg = body.get("msg");
		if (code == null || !code.isIntegralNumber() || msg == null || !msg.isString()) {
			return null;
		}
		String codeText = code.asString();
		if ("0".equals(codeText) || "200".equals(codeText)) {
			return null;
		}
		return new ApiError(codeText, msg.stringValue());
	}

}
