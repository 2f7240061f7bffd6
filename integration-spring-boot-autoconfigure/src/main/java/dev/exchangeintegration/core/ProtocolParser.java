package dev.exchangeintegration.core;

import org.jspecify.annotations.Nullable;

/**
 * Turns a protocol {@link Frame} into an exchange-specific message.
 *
 * @param <I> the message type, the input of a {@link Transformer}
 */
@FunctionalInterface
public interface ProtocolParser<I> {

	/**
	 * Parse one frame. The frame is only valid during this call.
	 * @param frame the frame to parse
	 * @return the message, or {@code null} to skip the frame silently
	 * @throws Exception when the frame cannot be parsed; it is reported and the stream
	 * goes on
	 */
	@Nullable I parse(Frame frame) throws Exception;

}
