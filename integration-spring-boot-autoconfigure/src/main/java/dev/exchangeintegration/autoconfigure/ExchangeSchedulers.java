package dev.exchangeintegration.autoconfigure;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;

/**
 * The schedulers owned by exchange integrations, disposed with the application context.
 */
public class ExchangeSchedulers implements DisposableBean {

	private final Scheduler delivery = Schedulers.newBoundedElastic(Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE,
			Schedulers.DEFAULT_BOUNDED_ELASTIC_QUEUESIZE, "exchange-delivery", 60, true);

	private final Scheduler events = Schedulers.newSingle("exchange-events", true);

	/**
	 * Return the scheduler that {@code ExchangeStream.flux()} subscribers are delivered
	 * on.
	 * @return the delivery scheduler
	 */
	public Scheduler delivery() {
		return this.delivery;
	}

	/**
	 * Return the scheduler that publishes exchange events, one at a time.
	 * @return the events scheduler
	 */
	public Scheduler events() {
		return this.events;
	}

	@Override
	public void destroy() {
		this.delivery.dispose();
		this.events.dispose();
	}

}
