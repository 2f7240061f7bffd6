package dev.exchangeintegration.autoconfigure.parser;

import dev.exchangeintegration.autoconfigure.ExchangeSettingsContext;
import dev.exchangeintegration.core.Frame;
import dev.exchangeintegration.core.ProtocolParser;

import org.springframework.core.ResolvableType;

/**
 * The {@code bytes} format: each frame's payload bytes, text and binary frames alike,
 * unparsed.
 */
public class BytesParserFactory implements ExchangeParserFactory {

	@Override
	public String format() {
		return "bytes";
	}

	@Override
	public ProtocolParser<byte[]> create(ResolvableType type, ExchangeSettingsContext context) {
		ParserTypes.requireAssignable(context, format(), ResolvableType.forClass(byte[].class), type);
		return Frame::toByteArray;
	}

}
