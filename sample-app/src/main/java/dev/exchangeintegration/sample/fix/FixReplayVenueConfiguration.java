package dev.exchangeintegration.sample.fix;

import java.io.IOException;

import dev.exchangeintegration.sample.replay.Capture;
import quickfix.ConfigError;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/**
 * Configuration of the embedded {@link FixReplayVenue}, on unless
 * {@code sample.fix.enabled=false}: it serves the replay's capture on
 * {@code sample.fix.port} (9478), at {@code sample.replay.speed}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "sample.fix", name = "enabled", havingValue = "true", matchIfMissing = true)
public class FixReplayVenueConfiguration {

	@Bean
	FixReplayVenue fixReplayVenue(
			@Value("${sample.replay.capture:classpath:replay/binance-futures-2021-07-22.capture}") Resource capture,
			@Value("${sample.replay.speed:1.0}") double speed, @Value("${sample.fix.port:9478}") int port)
			throws IOException, ConfigError {
		return new FixReplayVenue(Capture.load(capture).aggTrades(), port, speed);
	}

}
