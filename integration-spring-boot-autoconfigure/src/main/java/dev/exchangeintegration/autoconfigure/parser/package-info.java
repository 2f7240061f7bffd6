/**
 * The parser extension point, an {@link ExchangeParserFactory} bean per format, and the
 * built-in {@code json}, {@code text} and {@code bytes} formats.
 */
@NullMarked
package dev.exchangeintegration.autoconfigure.parser;

import org.jspecify.annotations.NullMarked;
