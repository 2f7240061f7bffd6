package dev.exchangeintegration.autoconfigure.parser;

import dev.exchangeintegration.autoconfigure.ExchangeSettingsContext;
import dev.exchangeintegration.core.ProtocolParser;

import org.springframework.core.ResolvableType;

/**
 * A message format. Adding a format means adding a bean of this type: an exchange with
 * {@code parser: NAME} parses its frames with the parser that the factory whose
 * {@link #format()} is {@code NAME} creates.
 */
public interface ExchangeParserFactory {

	/**
	 * Return the format name, the value of
	 * {@code exchange-integration.exchanges.NAME.parser} that selects this factory, such
	 * as {@code json}.
	 * @return the format name
	 */
	String format();

	/**
	 * Create the parser of one exchange. Called once per enabled exchange at startup.
	 * @param type the type to parse into: the transformer's input type, or the
	 * {@code message-type}
	 * @param context names the exchange's properties for failures
	 * @return the parser, whose messages are instances of {@code type}
	 * @throws RuntimeException a Boot configuration exception naming the property when
	 * this format cannot parse into {@code type}, see
	 * {@link ParserTypes#requireAssignable}
	 */
	ProtocolParser<?> create(ResolvableType type, ExchangeSettingsContext context);

}
