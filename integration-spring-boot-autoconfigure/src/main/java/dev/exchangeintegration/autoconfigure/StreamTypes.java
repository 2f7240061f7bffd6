package dev.exchangeintegration.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;

/**
 * The message and output types of one exchange stream, resolved from its configuration.
 *
 * @param input the type frames are parsed into
 * @param output the type of the outputs
 * @param transformerBean the name of the transformer bean, or {@code null} when the
 * parsed message is the output
 */
public record StreamTypes(ResolvableType input, ResolvableType output, @Nullable String transformerBean) {

}
