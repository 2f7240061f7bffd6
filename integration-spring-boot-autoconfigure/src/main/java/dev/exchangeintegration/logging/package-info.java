/**
 * Logging about exchange streams: the {@code exchange} MDC key and escaping of
 * exchange-supplied text.
 */
@NullMarked
package dev.exchangeintegration.logging;

import org.jspecify.annotations.NullMarked;
