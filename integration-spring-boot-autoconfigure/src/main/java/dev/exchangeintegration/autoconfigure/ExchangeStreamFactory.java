package dev.exchangeintegration.autoconfigure;

import java.util.List;

import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Exchange;
import dev.exchangeintegration.core.DefaultExchangeStream;
import dev.exchangeintegration.core.ExchangeStreamObserver;
import dev.exchangeintegration.core.JsonProtocolParser;
import dev.exchangeintegration.core.ProtocolParser;
import dev.exchangeintegration.core.Transformer;
import dev.exchangeintegration.core.Transport;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.type.TypeFactory;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.ResolvableType;

/**
 * Creates the {@link DefaultExchangeStream} of an exchange from its settings: a transport
 * for its protocol, a JSON parser for the message type and the configured transformer.
 */
public class ExchangeStreamFactory {

	private static final Transformer<Object, Object> IDENTITY = (input, out) -> out.accept(input);

	private final ObjectMapper mapper;

	private final List<ExchangeTransportFactory> transports;

	private final ExchangeStreamObserver observer;

	private final Scheduler deliveryScheduler;

	private final Scheduler timer;

	private final BeanFactory beanFactory;

	/**
	 * Create a new factory.
	 * @param mapper the mapper messages are parsed with
	 * @param transports the transport factories, one per protocol
	 * @param observer the observer errors are reported to
	 * @param deliveryScheduler the scheduler {@code flux()} subscribers are delivered on
	 * @param timer the scheduler of backoff delays, heartbeats and watchdogs
	 * @param beanFactory the bean factory transformers are looked up in
	 */
	public ExchangeStreamFactory(ObjectMapper mapper, List<ExchangeTransportFactory> transports,
			ExchangeStreamObserver observer, Scheduler deliveryScheduler, Scheduler timer, BeanFactory beanFactory) {
		this.mapper = mapper;
		this.transports = transports;
		this.observer = observer;
		this.deliveryScheduler = deliveryScheduler;
		this.timer = timer;
		this.beanFactory = beanFactory;
	}

	/**
	 * Create the stream of an exchange. It connects when started.
	 * @param name the exchange name
	 * @param exchange the validated settings
	 * @param types the resolved message and output types
	 * @return the stream
	 */
	@SuppressWarnings("unchecked")
	public DefaultExchangeStream<Object, Object> create(String name, Exchange exchange, StreamTypes types) {
		ProtocolParser<Object> parser = JsonProtocolParser.forType(this.mapper,
				javaType(this.mapper.getTypeFactory(), types.input()));
		String transformerBean = types.transformerBean();
		Transformer<Object, Object> transformer = (transformerBean != null)
				? this.beanFactory.getBean(transformerBean, Transformer.class) : IDENTITY;
		return DefaultExchangeStream.builder(name, transport(name, exchange), parser, transformer)
			.subscriptions(exchange.getSubscriptions())
			.observer(this.observer)
			.deliveryScheduler(this.deliveryScheduler)
			.bufferSize(exchange.getBufferSize())
			.overflow(exchange.getOverflow())
			.reconnect(ExchangeSpecs.reconnect(name, exchange))
			.subscriptionAck(ExchangeSpecs.subscriptionAck(name, exchange))
			.heartbeat(ExchangeSpecs.heartbeat(name, exchange))
			.staleTimeout(ExchangeSpecs.staleTimeout(name, exchange))
			.connectTimeout(ExchangeSpecs.connectTimeout(name, exchange))
			.timer(this.timer)
			.build();
	}

	private Transport transport(String name, Exchange exchange) {
		for (ExchangeTransportFactory factory : this.transports) {
			if (factory.supports(exchange.getProtocol())) {
				return factory.create(name, exchange);
			}
		}
		throw new InvalidExchangeConfigurationException(ExchangeStreamRegistrar.property(name, "protocol"),
				"No transport is available for protocol " + exchange.getProtocol() + ".",
				"Add the module that provides it, or define an ExchangeTransportFactory bean that supports it.");
	}

	static JavaType javaType(TypeFactory typeFactory, ResolvableType type) {
		if (type.isArray()) {
			return typeFactory.constructArrayType(javaType(typeFactory, type.getComponentType()));
		}
		Class<?> raw = type.toClass();
		ResolvableType[] generics = type.getGenerics();
		if (generics.length == 0 || type.hasUnresolvableGenerics()) {
			return typeFactory.constructType(raw);
		}
		JavaType[] parameters = new JavaType[generics.length];
		for (int i = 0; i < generics.length; i++) {
			parameters[i] = javaType(typeFactory, generics[i]);
		}
		return typeFactory.constructParametricType(raw, parameters);
	}

}
