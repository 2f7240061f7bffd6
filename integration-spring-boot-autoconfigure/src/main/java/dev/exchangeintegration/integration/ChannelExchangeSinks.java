package dev.exchangeintegration.integration;

import java.util.ArrayList;
import java.util.List;

import dev.exchangeintegration.autoconfigure.ExchangeDefinition;
import dev.exchangeintegration.autoconfigure.ExchangeDefinitions;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Exchange;
import dev.exchangeintegration.autoconfigure.ExchangeSettingsContext;
import dev.exchangeintegration.core.ConsumerSpec;
import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.core.ExchangeError;
import dev.exchangeintegration.core.ExchangeStream;
import dev.exchangeintegration.core.ExchangeStreamObserver;
import dev.exchangeintegration.core.OutputSubscription;
import dev.exchangeintegration.listener.ExchangeListenerEndpointRegistry;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.BeansException;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.messaging.MessageChannel;

/**
 * The channel sinks of the exchanges
 * ({@code exchange-integration.exchanges.NAME.sinks.channel}): each is a consumer of its
 * exchange's stream named {@value #CONSUMER_NAME}, with a buffer and a thread of its own,
 * that sends every output to the named {@link MessageChannel} as a message with the
 * exchange headers. A send that fails or times out is reported as a
 * {@link ErrorKind#SINK} error. The channels are looked up when this bean is created, so
 * that a missing one fails startup.
 */
public class ChannelExchangeSinks implements SmartLifecycle {

	/**
	 * Name of a channel sink as a consumer of its stream, as counted in
	 * {@code droppedOutputs()}: {@value}.
	 */
	public static final String CONSUMER_NAME = "sink:channel";

	private final BeanFactory beanFactory;

	private final List<Sink> sinks = new ArrayList<>();

	private final List<OutputSubscription> subscriptions = new ArrayList<>();

	private volatile boolean running;

	/**
	 * Create the sinks, finding their channels.
	 * @param properties the exchanges' settings
	 * @param definitions the enabled exchanges
	 * @param environment where the settings come from, for failures
	 * @param observer where failed sends are reported
	 * @param beanFactory where the channels and streams are found
	 */
	public ChannelExchangeSinks(ExchangeIntegrationProperties properties, ExchangeDefinitions definitions,
			Environment environment, ExchangeStreamObserver observer, BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
		for (ExchangeDefinition definition : definitions.enabled()) {
			Exchange exchange = properties.getExchanges().get(definition.name());
			String channelName = (exchange != null) ? exchange.getSinks().getChannel() : null;
			if (channelName == null) {
				continue;
			}
			MessageChannel channel;
			try {
				channel = beanFactory.getBean(channelName, MessageChannel.class);
			}
			catch (BeansException ex) {
				ExchangeSettingsContext context = ExchangeSettingsContext.of(definition.name(), exchange, "sinks",
						environment);
				throw context.invalid("channel", channelName,
						"Exchange '" + definition.name() + "' sends its outputs to channel '" + channelName
								+ "', which is not a MessageChannel bean (" + ex.getMessage() + ").",
						"Declare a MessageChannel bean named '" + channelName + "', or fix "
								+ context.property("channel") + ".");
			}
			String name = definition.name();
			this.sinks.add(new Sink(definition, channel, (output, outputContext) -> {
				try {
					if (!channel.send(ExchangeMessages.create(output, outputContext))) {
						observer.onError(new ExchangeError(name, ErrorKind.SINK,
								new IllegalStateException("Channel '" + channelName + "' did not accept an output"),
								null));
					}
				}
				catch (RuntimeException ex) {
					observer.onError(new ExchangeError(name, ErrorKind.SINK, ex, null));
				}
			}));
		}
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		for (Sink sink : this.sinks) {
			ExchangeStream<?> stream = this.beanFactory.getBean(sink.definition().streamBeanName(),
					ExchangeStream.class);
			this.subscriptions.add(stream.subscribe(
					new ConsumerSpec(CONSUMER_NAME, null, 0,
							(task) -> newThread(task, "exchange-sink-channel-" + sink.definition().name())),
					sink.handler()));
		}
		this.running = true;
	}

	private static void newThread(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public synchronized void stop() {
		// the streams have stopped, and their sinks have sent what they had buffered
		this.subscriptions.forEach(OutputSubscription::dispose);
		this.subscriptions.clear();
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return ExchangeListenerEndpointRegistry.PHASE;
	}

	private record Sink(ExchangeDefinition definition, MessageChannel channel,
			dev.exchangeintegration.core.OutputHandler<Object> handler) {

	}

}
