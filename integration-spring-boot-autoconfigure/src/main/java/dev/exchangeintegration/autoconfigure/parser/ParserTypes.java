package dev.exchangeintegration.autoconfigure.parser;

import dev.exchangeintegration.autoconfigure.ExchangeSettingsContext;

import org.springframework.core.ResolvableType;

/**
 * Checks that a parser's messages fit the type an exchange parses into.
 */
public final class ParserTypes {

	private ParserTypes() {
	}

	/**
	 * Fail unless messages of the parser's output type can be given where the exchange
	 * expects its input type.
	 * @param context the exchange's settings context
	 * @param parser the configured {@code parser} value
	 * @param output the type of the parser's messages
	 * @param input the type the exchange parses into: the transformer's input type or the
	 * {@code message-type}
	 */
	public static void requireAssignable(ExchangeSettingsContext context, String parser, ResolvableType output,
			ResolvableType input) {
		if (!input.isAssignableFrom(output)) {
			throw context.invalid("parser", parser,
					"Exchange '" + context.exchange() + "' parses with '" + parser + "' into " + output
							+ ", which is not assignable to its input type " + input + ".",
					"Take " + output + " in the transformer (or as message-type), or set a parser that produces "
							+ input + ".");
		}
	}

}
