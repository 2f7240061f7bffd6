package dev.exchangeintegration.integration;

import java.time.Duration;

import dev.exchangeintegration.autoconfigure.ExchangeStreamBeanNames;
import dev.exchangeintegration.core.ConsumerSpec;
import dev.exchangeintegration.core.ExchangeStream;
import dev.exchangeintegration.core.OutputSubscription;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.integration.endpoint.MessageProducerSupport;

/**
 * A Spring Integration message producer of the outputs of one exchange, created by
 * {@link ExchangeIntegration#inbound(String)}. It subscribes to the exchange's stream in
 * {@link #doStart()}, which Spring Integration calls in the phase of message producers,
 * after the flow's consumers have subscribed to its channels and before the streams
 * connect; it unsubscribes, once it has sent what it had buffered, in {@link #doStop()}.
 */
public class ExchangeMessageProducer extends MessageProducerSupport {

	private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);

	private final String exchange;

	private @Nullable ExchangeStream<?> stream;

	private volatile @Nullable OutputSubscription subscription;

	ExchangeMessageProducer(String exchange) {
		this.exchange = exchange;
	}

	/**
	 * Return the exchange this producer reads.
	 * @return the exchange name
	 */
	public String getExchange() {
		return this.exchange;
	}

	@Override
	public String getComponentType() {
		return "exchange:inbound-channel-adapter";
	}

	@Override
	protected void onInit() {
		super.onInit();
		BeanFactory beanFactory = getBeanFactory();
		try {
			this.stream = beanFactory.getBean(ExchangeStreamBeanNames.stream(this.exchange), ExchangeStream.class);
		}
		catch (NoSuchBeanDefinitionException ex) {
			throw new IllegalStateException("ExchangeIntegration.inbound(\"" + this.exchange
					+ "\") names an exchange that is not configured or not enabled: declare it under exchange-integration.exchanges."
					+ this.exchange, ex);
		}
	}

	@Override
	protected void doStart() {
		ExchangeStream<?> stream = this.stream;
		if (stream == null) {
			throw new IllegalStateException("Not initialized");
		}
		String name = (getComponentName() != null) ? getComponentName() : "integration:" + this.exchange;
		this.subscription = stream.subscribe(
				new ConsumerSpec(name, null, 0, (task) -> newThread(task, "exchange-integration-" + this.exchange)),
				(output, context) -> sendMessage(ExchangeMessages.create(output, context)));
	}

	@Override
	protected void doStop() {
		OutputSubscription subscription = this.subscription;
		if (subscription != null) {
			this.subscription = null;
			subscription.drainAndDispose(DRAIN_TIMEOUT);
		}
	}

	private static void newThread(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

}
