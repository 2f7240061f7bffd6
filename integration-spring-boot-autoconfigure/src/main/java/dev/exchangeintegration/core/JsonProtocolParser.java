package dev.exchangeintegration.core;

import java.lang.reflect.Type;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

/**
 * A {@link ProtocolParser} for JSON payloads that reads straight from the frame's bytes
 * ({@link Frame#array()}), with no intermediate {@code String} or {@code InputStream}.
 * Invalid UTF-8 fails the parse like any other malformed input.
 *
 * @param <I> the message type
 */
public final class JsonProtocolParser<I> implements ProtocolParser<I> {

	private final ObjectReader reader;

	private JsonProtocolParser(ObjectReader reader) {
		this.reader = reader;
	}

	@Override
	public @Nullable I parse(Frame frame) {
		// a byte range rather than a stream: Jackson then reads the bytes in place,
		// with no stream to wrap, no input buffer to fill and no copy
		byte[] payload = textPayload(frame).array();
		return this.reader.readValue(payload, frame.arrayOffset(), frame.length());
	}

	private static Frame textPayload(Frame frame) {
		if (frame.type() != FrameType.TEXT) {
			throw new UnexpectedFrameException(frame);
		}
		return frame;
	}

	/**
	 * Return the parser for a message type.
	 * <ul>
	 * <li>{@code String}: the payload as text, unparsed;</li>
	 * <li>{@code byte[]}: the payload bytes, unparsed, of text and binary frames
	 * alike;</li>
	 * <li>{@link JsonNode}: the JSON tree;</li>
	 * <li>anything else: data binding with the given mapper, so Jackson annotations such
	 * as {@code @JsonTypeInfo(use = DEDUCTION)} apply.</li>
	 * </ul>
	 * All but {@code byte[]} reject binary frames with an
	 * {@link UnexpectedFrameException}.
	 * @param <I> the message type
	 * @param mapper the mapper to bind with
	 * @param type the message type, possibly generic
	 * @return a parser
	 */
	public static <I> ProtocolParser<I> forType(ObjectMapper mapper, Type type) {
		return forType(mapper, mapper.constructType(type));
	}

	/**
	 * Return the parser for a message type, as {@link #forType(ObjectMapper, Type)} does.
	 * @param <I> the message type
	 * @param mapper the mapper to bind with
	 * @param type the message type
	 * @return a parser
	 */
	@SuppressWarnings("unchecked")
	public static <I> ProtocolParser<I> forType(ObjectMapper mapper, JavaType type) {
		if (type.getRawClass() == String.class) {
			return (ProtocolParser<I>) (ProtocolParser<String>) (frame) -> textPayload(frame).toText();
		}
		if (type.getRawClass() == byte[].class) {
			return (ProtocolParser<I>) (ProtocolParser<byte[]>) Frame::toByteArray;
		}
		return new JsonProtocolParser<>(mapper.readerFor(type));
	}

}
