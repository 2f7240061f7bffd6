/**
 * The transport extension point: an {@link ExchangeTransportFactory} bean per protocol.
 */
@NullMarked
package dev.exchangeintegration.autoconfigure.transport;

import org.jspecify.annotations.NullMarked;
