/**
 * Captures of raw exchange traffic and their replay: the capture format (this library's
 * own, and cryptofeed's raw capture format), {@link CaptureReader} and
 * {@link CaptureWriter}, and the {@code replay} transport, which feeds a capture through
 * an exchange's pipeline as if it came from the exchange.
 */
@NullMarked
package dev.exchangeintegration.replay;

import org.jspecify.annotations.NullMarked;
