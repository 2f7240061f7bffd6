/**
 * Embedded replay exchange: a loopback WebSocket server that speaks enough of the Binance
 * Futures market-stream protocol to let the sample run offline, replaying a real capture.
 */
@NullMarked
package dev.exchangeintegration.sample.replay;

import org.jspecify.annotations.NullMarked;
