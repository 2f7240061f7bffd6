package dev.exchangeintegration.core;

import java.time.Instant;
import java.util.Map;

/**
 * Where and when an output came from. Delivery reuses one instance per consumer, so it is
 * only valid during the call it is passed to: copy what must outlive it.
 */
public interface OutputContext {

	/**
	 * Return the exchange name, as configured.
	 * @return the exchange name
	 */
	String exchange();

	/**
	 * Return when the frame the output came from was read off the transport.
	 * @return the receive time
	 */
	Instant receivedAt();

	/**
	 * Return the headers the transport attached to that frame (a Kafka key and offset, a
	 * FIX sequence number), by the names in
	 * {@code dev.exchangeintegration.messaging.ExchangeHeaders}; empty when the transport
	 * adds none, as for WebSocket.
	 * @return the frame's headers
	 */
	Map<String, Object> headers();

}
