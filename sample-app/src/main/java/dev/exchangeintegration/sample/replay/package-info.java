/**
 * The sample's captured Binance Futures traffic, read with the library's
 * {@code CaptureReader}, and replayed by the library's {@code replay} protocol (see
 * {@code application.yml}).
 */
@NullMarked
package dev.exchangeintegration.sample.replay;

import org.jspecify.annotations.NullMarked;
