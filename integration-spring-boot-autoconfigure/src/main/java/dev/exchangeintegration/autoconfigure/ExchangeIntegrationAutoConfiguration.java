package dev.exchangeintegration.autoconfigure;

import dev.exchangeintegration.core.DefaultExchangeStream;
import dev.exchangeintegration.core.ExchangeStream;
import dev.exchangeintegration.core.ExchangeStreamObserver;
import dev.exchangeintegration.event.ExchangeErrorPublisher;
import dev.exchangeintegration.websocket.WebSocketClientCustomizer;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration for exchange integrations: an {@link ExchangeStream} per configured
 * exchange, {@code @ExchangeListener} delivery, and error events.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		"org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration" })
@ConditionalOnClass({ DefaultExchangeStream.class, HttpClient.class, JsonMapper.class })
@EnableConfigurationProperties(ExchangeIntegrationProperties.class)
@Import(ExchangeListenerConfiguration.class)
public final class ExchangeIntegrationAutoConfiguration {

	@Bean
	static ExchangeStreamRegistrar exchangeStreamRegistrar() {
		return new ExchangeStreamRegistrar();
	}

	@Bean
	@ConditionalOnMissingBean
	ExchangeSchedulers exchangeSchedulers() {
		return new ExchangeSchedulers();
	}

	@Bean
	@ConditionalOnMissingBean(ExchangeStreamObserver.class)
	ExchangeErrorPublisher exchangeErrorPublisher(ApplicationEventPublisher publisher, ExchangeSchedulers schedulers) {
		return new ExchangeErrorPublisher(publisher, schedulers.events());
	}

	@Bean
	@ConditionalOnMissingBean
	WebSocketExchangeTransportFactory webSocketExchangeTransportFactory(
			ObjectProvider<WebSocketClientCustomizer> customizers, ObjectProvider<SslBundles> sslBundles) {
		return new WebSocketExchangeTransportFactory(customizers.orderedStream().toList(), sslBundles.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	ExchangeStreamFactory exchangeStreamFactory(ObjectProvider<JsonMapper> jsonMapper,
			ObjectProvider<ExchangeTransportFactory> transports, ExchangeStreamObserver observer,
			ExchangeSchedulers schedulers, ConfigurableListableBeanFactory beanFactory) {
		return new ExchangeStreamFactory(jsonMapper.getIfAvailable(JsonMapper::new),
				transports.orderedStream().toList(), observer, schedulers.delivery(), schedulers.timer(), beanFactory);
	}

	@Bean
	@ConditionalOnMissingBean
	ExchangeStreamsLifecycle exchangeStreamsLifecycle(ObjectProvider<DefaultExchangeStream<?, ?>> streams,
			ExchangeIntegrationProperties properties) {
		return new ExchangeStreamsLifecycle(streams, properties.getShutdownTimeout());
	}

}
