package dev.exchangeintegration.rest;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@link ApiErrorParser} for Bybit's v5 API, whose responses, successful or not, are
 * envelopes with a numeric {@code retCode} and a string {@code retMsg}, usually with HTTP
 * 200: <pre class="code">
 * {"retCode":10001,"retMsg":"params error","result":{},"retExtInfo":{},"time":1700000000000}
 * </pre> {@code retCode} {@code 0} is a success. Per-item results of batch endpoints (in
 * {@code retExtInfo.list}) are left to the caller.
 */
final class BybitApiErrorParser implements ApiErrorParser {

	@Override
	public @Nullable ApiError parse(int status, JsonNode body) {
		if (!body.isObject()) {
			return null;
		}
		JsonNode retCode = body.get("retCode");
		JsonNode retMsg = body.get("retMsg");
		if (retCode == null || !retCode.isIntegralNumber() || retMsg == null || !retMsg.isString()) {
			return null;
		}
		String code = retCode.asString();
		if ("0".equals(code)) {
			return null;
		}
		return new ApiError(code, retMsg.stringValue());
	}

}
