package dev.exchangeintegration.autoconfigure;

import java.time.Duration;

import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Exchange;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Reconnect;
import dev.exchangeintegration.core.OverflowPolicy;
import dev.exchangeintegration.core.ReconnectSpec;
import org.jspecify.annotations.Nullable;

/**
 * The checked settings of an exchange's stream that do not depend on its protocol.
 *
 * @param bufferSize the size of each consumer's buffer
 * @param overflow what happens to a consumer whose buffer is full
 * @param reconnect how to reconnect
 * @param connectTimeout the time allowed for a connection to open
 * @param staleTimeout the time without data after which a connection is replaced, or
 * {@code null} for none
 */
public record StreamSpec(int bufferSize, OverflowPolicy overflow, ReconnectSpec reconnect, Duration connectTimeout,
		@Nullable Duration staleTimeout) {

	/**
	 * Check the common settings of an exchange.
	 * @param exchange the settings, with the shared defaults merged in
	 * @param context names the exchange's properties for failures
	 * @return the checked settings
	 */
	static StreamSpec of(Exchange exchange, ExchangeSettingsContext context) {
		if (exchange.getBufferSize() < 1) {
			throw context.invalid("buffer-size", exchange.getBufferSize(),
					"Exchange '" + context.exchange() + "' has buffer-size " + exchange.getBufferSize() + ".",
					"Set " + context.property("buffer-size") + " to a positive number.");
		}
		context.requirePositive("connect-timeout", exchange.getConnectTimeout());
		if (exchange.getStaleTimeout() != null) {
			context.requirePositive("stale-timeout", exchange.getStaleTimeout());
		}
		return new StreamSpec(exchange.getBufferSize(), exchange.getOverflow(), reconnect(exchange, context),
				exchange.getConnectTimeout(), exchange.getStaleTimeout());
	}

	private static ReconnectSpec reconnect(Exchange exchange, ExchangeSettingsContext context) {
		Reconnect reconnect = exchange.getReconnect();
		// a zero backoff would never grow: a refusing endpoint would be retried in a
		// tight loop
		context.requirePositive("reconnect.initial-backoff", reconnect.getInitialBackoff());
		if (reconnect.getMaxBackoff().compareTo(reconnect.getInitialBackoff()) < 0) {
			throw context.misconfigured("reconnect.max-backoff", reconnect.getMaxBackoff(),
					"is " + reconnect.getMaxBackoff() + ", less than initial-backoff " + reconnect.getInitialBackoff(),
					"Set it at least as long as initial-backoff.");
		}
		if (!(reconnect.getMultiplier() >= 1) || Double.isInfinite(reconnect.getMultiplier())) {
			throw context.misconfigured("reconnect.multiplier", reconnect.getMultiplier(),
					"is " + reconnect.getMultiplier(), "Set it to 1 or more.");
		}
		if (!(reconnect.getJitter() >= 0 && reconnect.getJitter() <= 1)) {
			throw context.misconfigured("reconnect.jitter", reconnect.getJitter(), "is " + reconnect.getJitter(),
					"Set it between 0 and 1.");
		}
		Long maxAttempts = reconnect.getMaxAttempts();
		if (maxAttempts != null && maxAttempts < 0) {
			throw context.misconfigured("reconnect.max-attempts", maxAttempts, "is " + maxAttempts,
					"Set it to 0 or more, or leave it unset for no limit.");
		}
		return new ReconnectSpec(reconnect.isEnabled(), reconnect.getInitialBackoff(), reconnect.getMaxBackoff(),
				reconnect.getMultiplier(), reconnect.getJitter(), (maxAttempts != null) ? maxAttempts : Long.MAX_VALUE);
	}

}
