/**
 * Recording of the raw traffic of any exchange, whatever its protocol: every frame
 * received and every frame sent, with its time, written to capture files (see
 * {@code dev.exchangeintegration.replay.CaptureWriter}) off the transport's thread.
 */
@NullMarked
package dev.exchangeintegration.record;

import org.jspecify.annotations.NullMarked;
