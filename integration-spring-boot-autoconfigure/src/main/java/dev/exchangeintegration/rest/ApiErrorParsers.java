package dev.exchangeintegration.rest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.exchangeintegration.rest.JsonApiErrorParser.CodeType;

/**
 * The built-in {@link ApiErrorParser}s, by name: {@code binance}, {@code kraken},
 * {@code okx} and {@code bybit}. Each recognises its exchange's error responses whatever
 * the HTTP status, and returns {@code null} for anything else, success bodies included.
 * Binance, OKX and Bybit are one {@link JsonApiErrorParser} each; Kraken's list of errors
 * is {@link KrakenApiErrorParser}.
 */
public final class ApiErrorParsers {

	private static final Map<String, ApiErrorParser> BUILT_IN = builtIn();

	private static final ApiErrorParser NONE = (status, body) -> null;

	private ApiErrorParsers() {
	}

	/**
	 * Return the built-in parser with the given name.
	 * @param name the name: {@code binance}, {@code kraken}, {@code okx} or {@code bybit}
	 * @return the parser
	 * @throws IllegalArgumentException if no built-in parser has that name
	 */
	public static ApiErrorParser forName(String name) {
		ApiErrorParser parser = BUILT_IN.get(name);
		if (parser == null) {
			throw new IllegalArgumentException("No built-in API error parser named '" + name + "'; known names are "
					+ String.join(", ", BUILT_IN.keySet()));
		}
		return parser;
	}

	/**
	 * Return whether a built-in parser has the given name.
	 * @param name the name
	 * @return {@code true} if {@link #forName(String)} accepts it
	 */
	public static boolean isBuiltIn(String name) {
		return BUILT_IN.containsKey(name);
	}

	/**
	 * Return a parser that never recognises an error, for exchanges whose errors are told
	 * apart by HTTP status alone.
	 * @return the parser
	 */
	public static ApiErrorParser none() {
		return NONE;
	}

	private static Map<String, ApiErrorParser> builtIn() {
		Map<String, ApiErrorParser> parsers = new LinkedHashMap<>();
		// Binance: a few endpoints answer a success in the error shape, with code 200 or
		// 0
		parsers.put("binance",
				JsonApiErrorParser.builder("/code", CodeType.NUMBER, "/msg").successCodes("0", "200").build());
		parsers.put("kraken", new KrakenApiErrorParser());
		// OKX: trading endpoints report each order in data[], under a generic code
		parsers.put("okx",
				JsonApiErrorParser.builder("/code", CodeType.STRING, "/msg")
					.successCodes("0")
					.items("/data", "/sCode", "/sMsg")
					.build());
		parsers.put("bybit",
				JsonApiErrorParser.builder("/retCode", CodeType.NUMBER, "/retMsg").successCodes("0").build());
		return Collections.unmodifiableMap(parsers);
	}

}
