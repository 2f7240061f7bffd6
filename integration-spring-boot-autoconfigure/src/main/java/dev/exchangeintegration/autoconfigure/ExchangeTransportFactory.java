package dev.exchangeintegration.autoconfigure;

import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Exchange;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Protocol;
import dev.exchangeintegration.core.Transport;

/**
 * Creates the {@link Transport} of an exchange for one protocol. Adding a transport means
 * adding a bean of this type; the core does not change.
 */
public interface ExchangeTransportFactory {

	/**
	 * Return whether this factory creates transports for the protocol.
	 * @param protocol the configured protocol
	 * @return whether it is supported
	 */
	boolean supports(Protocol protocol);

	/**
	 * Create the transport of an exchange.
	 * @param name the exchange name
	 * @param exchange the exchange settings, already validated
	 * @return the transport
	 */
	Transport create(String name, Exchange exchange);

}
