package dev.exchangeintegration.test;

import dev.exchangeintegration.core.Transformer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Defines the {@code volumeTransformer} bean: a {@link VolumeTransformer} typed
 * {@code Transformer<BinanceMessage, Volume>}.
 */
@Configuration(proxyBeanMethods = false)
public class VolumeConfiguration {

	@Bean
	Transformer<BinanceMessage, Volume> volumeTransformer() {
		return new VolumeTransformer();
	}

}
