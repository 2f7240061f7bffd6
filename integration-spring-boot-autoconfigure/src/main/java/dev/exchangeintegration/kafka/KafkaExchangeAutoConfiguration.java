package dev.exchangeintegration.kafka;

import dev.exchangeintegration.autoconfigure.ExchangeDefinitions;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties;
import dev.exchangeintegration.autoconfigure.ExchangeStreamObservers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Auto-configuration of Kafka for exchange integrations: the {@code kafka} protocol, on
 * Spring Boot's {@link ConsumerFactory}, and the Kafka sinks of the exchanges, on its
 * {@link ProducerFactory}.
 */
@AutoConfiguration(after = ExchangeIntegrationAutoConfiguration.class,
		afterName = { "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
				"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnClass({ KafkaTemplate.class, ExchangeDefinitions.class })
@ConditionalOnBean(ExchangeStreamObservers.class)
public final class KafkaExchangeAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(ConsumerFactory.class)
	@SuppressWarnings("unchecked")
	KafkaTransportFactory kafkaTransportFactory(ConsumerFactory<?, ?> consumerFactory,
			ObjectProvider<KafkaOperations<?, ?>> kafka, ExchangeStreamObservers observer) {
		return new KafkaTransportFactory(consumerFactory, (KafkaOperations<Object, Object>) kafka.getIfUnique(),
				observer);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(ProducerFactory.class)
	KafkaExchangeSinks kafkaExchangeSinks(ExchangeIntegrationProperties properties, ExchangeDefinitions definitions,
			Environment environment, ProducerFactory<?, ?> producerFactory, ObjectProvider<JsonMapper> jsonMapper,
			ExchangeStreamObservers observer, BeanFactory beanFactory) {
		return new KafkaExchangeSinks(properties, definitions, environment, producerFactory,
				jsonMapper.getIfAvailable(JsonMapper::new), observer, beanFactory);
	}

}
