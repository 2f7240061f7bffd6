package dev.exchangeintegration.actuate;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the {@code exchanges} health contributor.
 */
@ConfigurationProperties("exchange-integration.health")
public class ExchangeHealthProperties {

	/**
	 * Time an exchange may be connecting or reconnecting and still be reported UP.
	 */
	private Duration grace = Duration.ofSeconds(30);

	public Duration getGrace() {
		return this.grace;
	}

	public void setGrace(Duration grace) {
		this.grace = grace;
	}

}
