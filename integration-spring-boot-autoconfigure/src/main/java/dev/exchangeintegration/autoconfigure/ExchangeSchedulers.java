package dev.exchangeintegration.autoconfigure;

import java.time.Duration;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;

/**
 * The schedulers owned by exchange integrations, disposed with the application context.
 */
public class ExchangeSchedulers implements DisposableBean {

	private static final Duration GRACE_PERIOD = Duration.ofSeconds(2);

	private final Scheduler delivery = Schedulers.newBoundedElastic(Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE,
			Schedulers.DEFAULT_BOUNDED_ELASTIC_QUEUESIZE, "exchange-delivery", 60, true);

	private final Scheduler events = Schedulers.newSingle("exchange-events", true);

	private final Scheduler timer = Schedulers.newParallel("exchange-timer", 1, true);

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

	/**
	 * Return the scheduler of backoff delays, heartbeats and watchdogs: one thread, whose
	 * tasks never block.
	 * @return the timer scheduler
	 */
	public Scheduler timer() {
		return this.timer;
	}

	@Override
	public void destroy() {
		// streams have stopped: let the signals already queued, such as the completion
		// of every Flux, reach their subscribers, for a bounded time
		disposeGracefully(this.delivery);
		disposeGracefully(this.events);
		this.timer.dispose();
	}

	private static void disposeGracefully(Scheduler scheduler) {
		try {
			scheduler.disposeGracefully().timeout(GRACE_PERIOD).block();
		}
		catch (RuntimeException ex) {
			// a consumer still busy past the grace period
		}
		finally {
			scheduler.dispose();
		}
	}

}
