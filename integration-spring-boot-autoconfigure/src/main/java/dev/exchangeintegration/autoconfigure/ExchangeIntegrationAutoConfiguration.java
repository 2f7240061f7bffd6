package dev.exchangeintegration.autoconfigure;

import dev.exchangeintegration.autoconfigure.parser.BytesParserFactory;
import dev.exchangeintegration.autoconfigure.parser.ExchangeParserFactory;
import dev.exchangeintegration.autoconfigure.parser.JsonParserFactory;
import dev.exchangeintegration.autoconfigure.parser.TextParserFactory;
import dev.exchangeintegration.autoconfigure.transport.ExchangeTransportDecorator;
import dev.exchangeintegration.autoconfigure.transport.ExchangeTransportFactory;
import dev.exchangeintegration.core.DefaultExchangeStream;
import dev.exchangeintegration.core.ExchangeStream;
import dev.exchangeintegration.core.ExchangeStreamObserver;
import dev.exchangeintegration.event.ExchangeErrorPublisher;
import dev.exchangeintegration.protobuf.ProtobufParserFactory;
import dev.exchangeintegration.websocket.WebSocketClientCustomizer;
import dev.exchangeintegration.websocket.WebSocketExchangeTransportFactory;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;

/**
 * Auto-configuration for exchange integrations: an {@link ExchangeStream} per configured
 * exchange, over the transport of its protocol and the parser of its format;
 * {@code @ExchangeListener} delivery; and error events.
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
	static ConfigurationPropertiesBindHandlerAdvisor exchangeDefaultsBindHandlerAdvisor() {
		return ExchangeDefaultsBindHandler::new;
	}

	@Bean
	@ConditionalOnMissingBean
	ExchangeSchedulers exchangeSchedulers() {
		return new ExchangeSchedulers();
	}

	@Bean
	@ConditionalOnMissingBean
	ExchangeErrorPublisher exchangeErrorPublisher(ApplicationEventPublisher publisher, ExchangeSchedulers schedulers) {
		return new ExchangeErrorPublisher(publisher, schedulers.events());
	}

	@Bean
	ExchangeStreamObservers exchangeStreamObservers(ObjectProvider<ExchangeStreamObserver> observers) {
		return new ExchangeStreamObservers(observers);
	}

	@Bean
	@ConditionalOnMissingBean
	WebSocketExchangeTransportFactory webSocketExchangeTransportFactory(
			ObjectProvider<WebSocketClientCustomizer> customizers, ObjectProvider<SslBundles> sslBundles) {
		return new WebSocketExchangeTransportFactory(customizers.orderedStream().toList(), sslBundles.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	JsonParserFactory jsonParserFactory(ObjectProvider<JsonMapper> jsonMapper) {
		return new JsonParserFactory(SingletonSupplier.of(() -> jsonMapper.getIfAvailable(JsonMapper::new)));
	}

	@Bean
	@ConditionalOnMissingBean
	TextParserFactory textParserFactory() {
		return new TextParserFactory();
	}

	@Bean
	@ConditionalOnMissingBean
	BytesParserFactory bytesParserFactory() {
		return new BytesParserFactory();
	}

	@Bean
	@ConditionalOnMissingBean
	ExchangeDefinitions exchangeDefinitions(ExchangeIntegrationProperties properties, Environment environment,
			ObjectProvider<ExchangeTransportFactory<?>> transports,
			ObjectProvider<ExchangeTransportDecorator<?>> transportDecorators,
			ObjectProvider<ExchangeParserFactory> parsers, ConfigurableListableBeanFactory beanFactory) {
		return ExchangeDefinitions.of(properties, environment, transports.orderedStream().toList(),
				transportDecorators.orderedStream().toList(), parsers.orderedStream().toList(), beanFactory);
	}

	@Bean
	@ConditionalOnMissingBean
	ExchangeStreamFactory exchangeStreamFactory(ExchangeSchedulers schedulers, ExchangeStreamObservers observer,
			ExchangeDefinitions definitions, ConfigurableListableBeanFactory beanFactory,
			ObjectProvider<ExchangeStreamCustomizer> customizers) {
		// the schedulers come first, so that they are disposed of after the transports
		return new ExchangeStreamFactory(definitions, observer, schedulers, beanFactory,
				customizers.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	ExchangeStreamsLifecycle exchangeStreamsLifecycle(ObjectProvider<DefaultExchangeStream<?, ?>> streams,
			ExchangeIntegrationProperties properties) {
		return new ExchangeStreamsLifecycle(streams, properties.getShutdownTimeout());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "com.google.protobuf.MessageLite")
	static class ProtobufConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ProtobufParserFactory protobufParserFactory() {
			return new ProtobufParserFactory();
		}

	}

}
