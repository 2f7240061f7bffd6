package dev.exchangeintegration.benchmark;

import java.net.URI;
import java.time.Duration;

/**
 * One way of reading the benchmark server's frames.
 */
interface Contender {

	String name();

	/**
	 * Connect once, read {@code frames} frames and measure.
	 * @param uri the server's URI
	 * @param frames the frames the server sends on each connection
	 * @param stallTimeout how long without a frame before giving up
	 * @return the measurement
	 * @throws Exception when the contender cannot run
	 */
	Measurement run(URI uri, long frames, Duration stallTimeout) throws Exception;

}
