/**
 * Spring Integration: exchanges as message sources ({@link ExchangeIntegration#inbound}),
 * the {@code sinks.channel} sink, and the {@code outbound-channel} of each exchange.
 */
@NullMarked
package dev.exchangeintegration.integration;

import org.jspecify.annotations.NullMarked;
