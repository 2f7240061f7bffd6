package dev.exchangeintegration.autoconfigure.parser;

import dev.exchangeintegration.autoconfigure.ExchangeSettingsContext;
import dev.exchangeintegration.core.FrameType;
import dev.exchangeintegration.core.ProtocolParser;
import dev.exchangeintegration.core.UnexpectedFrameException;

import org.springframework.core.ResolvableType;

/**
 * The {@code text} format: each text frame's payload as a {@code String}, unparsed.
 * Binary frames and text that is not valid UTF-8 are parse errors.
 */
public class TextParserFactory implements ExchangeParserFactory {

	@Override
	public String format() {
		return "text";
	}

	@Override
	public ProtocolParser<String> create(ResolvableType type, ExchangeSettingsContext context) {
		ParserTypes.requireAssignable(context, format(), ResolvableType.forClass(String.class), type);
		return (frame) -> {
			if (frame.type() != FrameType.TEXT) {
				throw new UnexpectedFrameException(frame);
			}
			return frame.toText();
		};
	}

}
