package dev.exchangeintegration.autoconfigure;

import java.util.List;

import dev.exchangeintegration.core.DefaultExchangeStream;
import dev.exchangeintegration.core.ExchangeStreamObserver;
import dev.exchangeintegration.core.ProtocolParser;
import dev.exchangeintegration.core.Transformer;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.context.properties.PropertyMapper;

/**
 * Creates the {@link DefaultExchangeStream} of an exchange from its
 * {@link ExchangeDefinition}: its transport, its parser and its transformer. The stream
 * beans are registered with {@link #create(String)} as their factory method.
 */
public class ExchangeStreamFactory {

	private static final Transformer<Object, Object> IDENTITY = (input, out) -> out.accept(input);

	private final ExchangeDefinitions definitions;

	private final ExchangeStreamObserver observer;

	private final ExchangeSchedulers schedulers;

	private final BeanFactory beanFactory;

	private final List<ExchangeStreamCustomizer> customizers;

	/**
	 * Create a new factory.
	 * @param definitions the definitions of the exchanges
	 * @param observer the observer errors and state changes are reported to
	 * @param schedulers the schedulers of delivery, backoff delays, heartbeats and
	 * watchdogs
	 * @param beanFactory the bean factory transformers are looked up in
	 */
	public ExchangeStreamFactory(ExchangeDefinitions definitions, ExchangeStreamObserver observer,
			ExchangeSchedulers schedulers, BeanFactory beanFactory) {
		this(definitions, observer, schedulers, beanFactory, List.of());
	}

	/**
	 * Create a new factory.
	 * @param definitions the definitions of the exchanges
	 * @param observer the observer errors and state changes are reported to
	 * @param schedulers the schedulers of delivery, backoff delays, heartbeats and
	 * watchdogs
	 * @param beanFactory the bean factory transformers are looked up in
	 * @param customizers customize each stream's builder, in order, last
	 */
	public ExchangeStreamFactory(ExchangeDefinitions definitions, ExchangeStreamObserver observer,
			ExchangeSchedulers schedulers, BeanFactory beanFactory, List<ExchangeStreamCustomizer> customizers) {
		this.definitions = definitions;
		this.observer = observer;
		this.schedulers = schedulers;
		this.beanFactory = beanFactory;
		this.customizers = List.copyOf(customizers);
	}

	/**
	 * Create the stream of an exchange. It connects when started.
	 * @param name the name of an enabled exchange
	 * @return the stream
	 */
	@SuppressWarnings("unchecked")
	public DefaultExchangeStream<Object, Object> create(String name) {
		ExchangeDefinition definition = this.definitions.find(name)
			.orElseThrow(() -> new IllegalStateException("No enabled exchange named '" + name + "'"));
		String transformerBean = definition.transformerBean();
		Transformer<Object, Object> transformer = (transformerBean != null)
				? this.beanFactory.getBean(transformerBean, Transformer.class) : IDENTITY;
		DefaultExchangeStream.Builder<Object, Object> builder = DefaultExchangeStream.builder(name,
				definition.transport().createTransport(), (ProtocolParser<Object>) definition.parser(), transformer);
		StreamSpec stream = definition.stream();
		PropertyMapper map = PropertyMapper.get();
		map.from(this.observer).to(builder::observer);
		map.from(this.schedulers.delivery()).to(builder::deliveryScheduler);
		map.from(this.schedulers.timer()).to(builder::timer);
		map.from(stream.bufferSize()).to(builder::bufferSize);
		map.from(stream.overflow()).to(builder::overflow);
		map.from(stream.reconnect()).to(builder::reconnect);
		map.from(stream.connectTimeout()).to(builder::connectTimeout);
		map.from(stream.staleTimeout()).to(builder::staleTimeout);
		definition.transport().configure(builder);
		this.customizers.forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

}
