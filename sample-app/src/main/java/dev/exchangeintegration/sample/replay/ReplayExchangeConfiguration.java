package dev.exchangeintegration.sample.replay;

import java.io.IOException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Configuration of the embedded {@link ReplayExchange}, on unless
 * {@code sample.replay.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "sample.replay", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(ReplayExchangeProperties.class)
public class ReplayExchangeConfiguration {

	@Bean
	ReplayExchange replayExchange(ReplayExchangeProperties properties) throws IOException {
		Capture capture = Capture.load(properties.getCapture());
		return new ReplayExchange(capture.aggTrades(), properties.getPort(), properties.getSpeed());
	}

}
