package dev.exchangeintegration.fix;

import dev.exchangeintegration.autoconfigure.ExchangeSettingsContext;
import dev.exchangeintegration.autoconfigure.parser.ExchangeParserFactory;
import dev.exchangeintegration.core.Frame;
import dev.exchangeintegration.core.ProtocolParser;
import dev.exchangeintegration.core.UnexpectedFrameException;
import quickfix.Message;

import org.springframework.core.ResolvableType;

/**
 * The {@code fix} format, the parser of {@code protocol: fix} exchanges: it passes on the
 * message QuickFIX/J has already parsed, so each message is parsed once. What the
 * transformer receives depends on its input type: {@code quickfix.Message} (or a
 * supertype), the typed message; a concrete message class such as
 * {@code quickfix.fix44.MarketDataIncrementalRefresh}, the messages of that class, the
 * others being skipped; {@code String}, the tag=value text with SOH separators.
 */
public class FixParserFactory implements ExchangeParserFactory {

	@Override
	public String format() {
		return "fix";
	}

	@Override
	public ProtocolParser<?> create(ResolvableType type, ExchangeSettingsContext context) {
		Class<?> input = type.resolve(Object.class);
		if (input == String.class) {
			return Frame::toText;
		}
		if (input.isAssignableFrom(Message.class)) {
			return FixParserFactory::message;
		}
		if (Message.class.isAssignableFrom(input)) {
			return (frame) -> {
				Message message = message(frame);
				return input.isInstance(message) ? message : null;
			};
		}
		throw context.invalid("parser", format(),
				"Exchange '" + context.exchange() + "' parses FIX messages, which its input type " + type
						+ " cannot take.",
				"Take quickfix.Message, a message class such as quickfix.fix44.MarketDataIncrementalRefresh, or "
						+ "String in the transformer (or as message-type).");
	}

	private static Message message(Frame frame) {
		if (frame.decoded() instanceof Message message) {
			return message;
		}
		throw new UnexpectedFrameException("Not a FIX message: the fix parser takes the frames of protocol: fix");
	}

}
