package dev.exchangeintegration.event;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.core.ExchangeError;
import dev.exchangeintegration.core.ExchangeStreamObserver;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.scheduler.Scheduler;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Reports exchange stream errors: logs each at WARN with the exchange name and a bounded
 * excerpt of the payload, and publishes it as an {@link ExchangeErrorEvent} on a
 * scheduler of its own so that event listeners never run on a transport's I/O thread.
 * <p>
 * Overflow errors can come in floods, so they are logged at the 1st, 2nd, 4th, 8th...
 * drop of each exchange; every one is still published.
 */
public class ExchangeErrorPublisher implements ExchangeStreamObserver {

	private static final Log logger = LogFactory.getLog(ExchangeErrorPublisher.class);

	private final ApplicationEventPublisher publisher;

	private final Scheduler scheduler;

	private final Map<String, AtomicLong> overflows = new ConcurrentHashMap<>();

	/**
	 * Create a new instance.
	 * @param publisher the publisher of events
	 * @param scheduler the scheduler that publishes events, one at a time
	 */
	public ExchangeErrorPublisher(ApplicationEventPublisher publisher, Scheduler scheduler) {
		this.publisher = publisher;
		this.scheduler = scheduler;
	}

	@Override
	public void onError(ExchangeError error) {
		log(error);
		ExchangeErrorEvent event = new ExchangeErrorEvent(error);
		this.scheduler.schedule(() -> this.publisher.publishEvent(event));
	}

	private void log(ExchangeError error) {
		if (!logger.isWarnEnabled()) {
			return;
		}
		if (error.kind() == ErrorKind.OVERFLOW) {
			long count = this.overflows.computeIfAbsent(error.exchange(), (name) -> new AtomicLong()).incrementAndGet();
			if (Long.bitCount(count) == 1) {
				logger.warn("Exchange '" + error.exchange() + "': " + error.cause().getMessage() + " (" + count
						+ " dropped so far)");
			}
			return;
		}
		StringBuilder message = new StringBuilder("Exchange '").append(error.exchange())
			.append("' ")
			.append(error.kind().name().toLowerCase())
			.append(" error: ")
			.append(error.cause());
		if (error.excerpt() != null) {
			message.append(" [payload: ").append(error.excerpt()).append(']');
		}
		if (error.kind() == ErrorKind.CLOSED || error.kind() == ErrorKind.CONNECTION) {
			logger.warn(message);
		}
		else {
			logger.warn(message, logger.isDebugEnabled() ? error.cause() : null);
		}
	}

}
