package dev.exchangeintegration.rest.autoconfigure;

import java.time.Clock;

import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;
import dev.exchangeintegration.autoconfigure.ExchangeSchedulers;
import dev.exchangeintegration.autoconfigure.ExchangeStreamObservers;
import dev.exchangeintegration.rest.DefaultExchangeRestClient;
import dev.exchangeintegration.rest.ExchangeRestClient;
import dev.exchangeintegration.rest.poll.RestPollTransportFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the exchange REST clients: an {@link ExchangeRestClient} bean per
 * entry under {@code exchange-integration.rest}, each on a clone of Spring Boot's
 * {@link WebClient.Builder}, and REST polling as a stream transport for the exchanges
 * with {@code protocol: rest-poll}.
 */
@AutoConfiguration(after = { WebClientAutoConfiguration.class, ExchangeIntegrationAutoConfiguration.class },
		afterName = { "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
				"org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration" })
@ConditionalOnClass({ WebClient.class, DefaultExchangeRestClient.class, JsonMapper.class })
@EnableConfigurationProperties(RestClientsProperties.class)
public final class RestClientAutoConfiguration {

	@Bean
	static RestClientRegistrar restClientRegistrar() {
		return new RestClientRegistrar();
	}

	@Bean
	@ConditionalOnMissingBean
	ExchangeRestClientFactory exchangeRestClientFactory(RestClientsProperties properties,
			ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<JsonMapper> jsonMapper, ObjectProvider<Clock> clock,
			ConfigurableListableBeanFactory beanFactory) {
		RestClientConnectors connectors = new RestClientConnectors(
				connectorBuilder
					.getIfAvailable(() -> ClientHttpConnectorBuilder.detect(beanFactory.getBeanClassLoader())),
				httpClientSettings.getIfAvailable(HttpClientSettings::defaults));
		return new ExchangeRestClientFactory(properties, new RestClientSpecMapper(beanFactory, sslBundles), connectors,
				webClientBuilder.getIfAvailable(WebClient::builder), jsonMapper.getIfAvailable(JsonMapper::shared),
				clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean({ ExchangeStreamObservers.class, ExchangeSchedulers.class })
	RestPollTransportFactory restPollTransportFactory(ObjectProvider<ExchangeRestClient> clients,
			ExchangeRestClientFactory clientFactory, ExchangeStreamObservers observer, ExchangeSchedulers schedulers) {
		return new RestPollTransportFactory(clients, clientFactory::createForBaseUrl, observer, schedulers.timer());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class CredentialsSanitizingConfiguration {

		@Bean
		CredentialsSanitizingFunction exchangeCredentialsSanitizingFunction() {
			return new CredentialsSanitizingFunction();
		}

	}

}
