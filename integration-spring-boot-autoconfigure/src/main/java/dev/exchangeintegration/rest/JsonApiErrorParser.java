package dev.exchangeintegration.rest;

import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * An {@link ApiErrorParser} for exchanges whose responses carry a code and a message at
 * fixed places of a JSON object, whatever the HTTP status: a body is an error when its
 * code, of the expected type, is not one of the success codes and its message is a
 * string. Batch endpoints that report failures per item can be described too: when the
 * top-level code is not a success, the first item whose own code is not a success gives
 * the code and the message (its own, or the top-level one when empty). Bodies in any
 * other shape are not errors.
 * <p>
 * It serves the built-in {@code binance} ({@code {"code":-1121,"msg":"…"}}, success codes
 * 0 and 200), {@code okx} ({@code {"code":"51000","msg":"…"}}, failed items in
 * {@code data[].sCode}) and {@code bybit} ({@code {"retCode":10001,"retMsg":"…"}})
 * shapes; build one for another exchange and declare it as a bean:
 *
 * <pre class="code">
 * JsonApiErrorParser.builder("/code", CodeType.NUMBER, "/msg").successCodes("0").build();
 * </pre>
 *
 * @param code where the code is, as a JSON pointer such as {@code /code}
 * @param codeType the type the code must have
 * @param message where the message is, as a JSON pointer such as {@code /msg}
 * @param successCodes the codes that are not errors, as text
 * @param items per-item results, or {@code null} when the exchange has none
 */
public record JsonApiErrorParser(JsonPointer code, CodeType codeType, JsonPointer message, Set<String> successCodes,
		@Nullable Items items) implements ApiErrorParser {

	/**
	 * Create a new parser.
	 * @param code where the code is
	 * @param codeType the type the code must have
	 * @param message where the message is
	 * @param successCodes the codes that are not errors
	 * @param items per-item results, or {@code null}
	 */
	public JsonApiErrorParser {
		Objects.requireNonNull(code, "'code' must not be null");
		Objects.requireNonNull(codeType, "'codeType' must not be null");
		Objects.requireNonNull(message, "'message' must not be null");
		successCodes = Set.copyOf(successCodes);
	}

	/**
	 * Start building a parser, without success codes and without items by default.
	 * @param code where the code is, as a JSON pointer such as {@code /code}
	 * @param codeType the type the code must have
	 * @param message where the message is, as a JSON pointer such as {@code /msg}
	 * @return a builder
	 */
	public static Builder builder(String code, CodeType codeType, String message) {
		return new Builder(JsonPointer.compile(code), codeType, JsonPointer.compile(message));
	}

	@Override
	public @Nullable ApiError parse(int status, JsonNode body) {
		if (!body.isObject()) {
			return null;
		}
		JsonNode codeNode = body.at(this.code);
		JsonNode messageNode = body.at(this.message);
		if (!this.codeType.matches(codeNode) || !messageNode.isString()) {
			return null;
		}
		String codeText = codeNode.asString();
		if (this.successCodes.contains(codeText)) {
			return null;
		}
		ApiError itemError = (this.items != null)
				? this.items.firstError(body, messageNode.stringValue(), this.successCodes) : null;
		return (itemError != null) ? itemError : new ApiError(codeText, messageNode.stringValue());
	}

	/**
	 * The type an error code must have.
	 */
	public enum CodeType {

		/**
		 * An integral number, such as Binance's {@code -1121}.
		 */
		NUMBER,

		/**
		 * A string, such as OKX's {@code "51000"}.
		 */
		STRING,

		/**
		 * Either.
		 */
		ANY;

		boolean matches(JsonNode node) {
			return switch (this) {
				case NUMBER -> node.isIntegralNumber();
				case STRING -> node.isString();
				case ANY -> node.isIntegralNumber() || node.isString();
			};
		}

	}

	/**
	 * Where per-item results are: an array, and in each item its code (a string or an
	 * integral number) and message.
	 *
	 * @param array the array, as a JSON pointer such as {@code /data}
	 * @param code the code within an item, such as {@code /sCode}
	 * @param message the message within an item, such as {@code /sMsg}
	 */
	public record Items(JsonPointer array, JsonPointer code, JsonPointer message) {

		@Nullable ApiError firstError(JsonNode body, String topLevelMessage, Set<String> successCodes) {
			JsonNode array = body.at(this.array);
			if (!array.isArray()) {
				return null;
			}
			for (JsonNode item : array) {
				JsonNode itemCode = item.isObject() ? item.at(this.code) : null;
				if (itemCode != null && CodeType.ANY.matches(itemCode) && !successCodes.contains(itemCode.asString())) {
					String itemMessage = item.at(this.message).stringValue("");
					return new ApiError(itemCode.asString(), itemMessage.isEmpty() ? topLevelMessage : itemMessage);
				}
			}
			return null;
		}

	}

	/**
	 * Builds a {@link JsonApiErrorParser}.
	 */
	public static final class Builder {

		private final JsonPointer code;

		private final CodeType codeType;

		private final JsonPointer message;

		private Set<String> successCodes = Set.of();

		private @Nullable Items items;

		private Builder(JsonPointer code, CodeType codeType, JsonPointer message) {
			this.code = code;
			this.codeType = codeType;
			this.message = message;
		}

		/**
		 * Set the codes that are not errors, as text. None by default.
		 * @param successCodes the codes, such as {@code 0}
		 * @return this builder
		 */
		public Builder successCodes(String... successCodes) {
			this.successCodes = Set.of(successCodes);
			return this;
		}

		/**
		 * Set where per-item results are. None by default.
		 * @param array the array, such as {@code /data}
		 * @param code the code within an item, such as {@code /sCode}
		 * @param message the message within an item, such as {@code /sMsg}
		 * @return this builder
		 */
		public Builder items(String array, String code, String message) {
			this.items = new Items(JsonPointer.compile(array), JsonPointer.compile(code), JsonPointer.compile(message));
			return this;
		}

		/**
		 * Build the parser.
		 * @return the parser
		 */
		public JsonApiErrorParser build() {
			return new JsonApiErrorParser(this.code, this.codeType, this.message, this.successCodes, this.items);
		}

	}

}
