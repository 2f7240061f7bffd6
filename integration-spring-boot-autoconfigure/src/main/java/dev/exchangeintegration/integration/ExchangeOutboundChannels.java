package dev.exchangeintegration.integration;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.exchangeintegration.autoconfigure.ExchangeDefinition;
import dev.exchangeintegration.autoconfigure.ExchangeDefinitions;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Exchange;
import dev.exchangeintegration.autoconfigure.ExchangeSettingsContext;
import dev.exchangeintegration.core.ExchangeStream;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.SubscribableChannel;

/**
 * Subscribes, to the {@code outbound-channel} of each exchange, a handler that sends the
 * payload of every message on the exchange's stream
 * ({@link ExchangeStream#send(Object)}). The channel is the application's own bean of
 * that name, or a {@code DirectChannel} registered by
 * {@link ExchangeOutboundChannelRegistrar}. A send while the stream is not connected, or
 * of a payload the transport cannot send, fails with a {@link MessageDeliveryException}.
 */
public class ExchangeOutboundChannels implements SmartInitializingSingleton {

	private final ExchangeIntegrationProperties properties;

	private final ExchangeDefinitions definitions;

	private final Environment environment;

	private final BeanFactory beanFactory;

	private final Map<String, SubscribableChannel> channels = new LinkedHashMap<>();

	/**
	 * Create a new instance.
	 * @param properties the exchanges' settings
	 * @param definitions the enabled exchanges
	 * @param environment where the settings come from, for failures
	 * @param beanFactory where the channels and streams are found
	 */
	public ExchangeOutboundChannels(ExchangeIntegrationProperties properties, ExchangeDefinitions definitions,
			Environment environment, BeanFactory beanFactory) {
		this.properties = properties;
		this.definitions = definitions;
		this.environment = environment;
		this.beanFactory = beanFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (ExchangeDefinition definition : this.definitions.enabled()) {
			Exchange exchange = this.properties.getExchanges().get(definition.name());
			String channelName = (exchange != null) ? exchange.getOutboundChannel() : null;
			if (channelName == null) {
				continue;
			}
			SubscribableChannel channel;
			try {
				channel = this.beanFactory.getBean(channelName, SubscribableChannel.class);
			}
			catch (BeansException ex) {
				ExchangeSettingsContext context = ExchangeSettingsContext.of(definition.name(), exchange, "",
						this.environment);
				throw context.invalid("outbound-channel", channelName,
						"Exchange '" + definition.name() + "' has outbound-channel '" + channelName
								+ "', whose bean is not a SubscribableChannel (" + ex.getMessage() + ").",
						"Rename the bean, or set " + context.property("outbound-channel") + " to another name.");
			}
			ExchangeStream<?> stream = this.beanFactory.getBean(definition.streamBeanName(), ExchangeStream.class);
			channel.subscribe(new Sender(definition.name(), stream));
			this.channels.put(definition.name(), channel);
		}
	}

	/**
	 * Return the outbound channels, by exchange.
	 * @return the outbound channel of each exchange that has one
	 */
	public Map<String, SubscribableChannel> getChannels() {
		return Map.copyOf(this.channels);
	}

	private record Sender(String exchange, ExchangeStream<?> stream) implements MessageHandler {

		@Override
		public void handleMessage(Message<?> message) {
			try {
				this.stream.send(message.getPayload());
			}
			catch (IllegalStateException | IllegalArgumentException | UnsupportedOperationException ex) {
				throw new MessageDeliveryException(message,
						"Exchange '" + this.exchange + "' could not send the message: " + ex.getMessage(), ex);
			}
		}

	}

}
