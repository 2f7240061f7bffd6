package dev.exchangeintegration.event;

import dev.exchangeintegration.core.ConnectionState;
import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.core.ExchangeError;
import dev.exchangeintegration.core.ExchangeStreamObserver;
import dev.exchangeintegration.logging.ExchangeLogging;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Reports what happens in exchange streams: logs each error at WARN with the exchange
 * name and a bounded excerpt of the payload, logs state changes, each with the exchange
 * in the MDC and exchange-supplied text escaped (see {@link ExchangeLogging}), and
 * publishes both as {@link ExchangeErrorEvent} and {@link ExchangeStateEvent} on a
 * scheduler of its own so that event listeners never run on a transport's I/O thread.
 */
public class ExchangeErrorPublisher implements ExchangeStreamObserver {

	private static final Log logger = LogFactory.getLog(ExchangeErrorPublisher.class);

	private final ApplicationEventPublisher publisher;

	private final Scheduler scheduler;

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
		publish(new ExchangeErrorEvent(error));
	}

	@Override
	public void onStateChange(String exchange, ConnectionState previous, ConnectionState current,
			@Nullable Throwable cause) {
		ExchangeLogging.info(logger, exchange, () -> "Exchange '" + exchange + "' " + previous + " -> " + current
				+ ((cause != null) ? " (" + cause.getMessage() + ")" : ""));
		publish(new ExchangeStateEvent(exchange, previous, current, cause));
	}

	private void publish(ApplicationEvent event) {
		this.scheduler.schedule(() -> this.publisher.publishEvent(event));
	}

	private void log(ExchangeError error) {
		if (!logger.isWarnEnabled()) {
			return;
		}
		if (error.kind() == ErrorKind.OVERFLOW) {
			ExchangeLogging.warn(logger, error.exchange(),
					() -> "Exchange '" + error.exchange() + "': " + error.cause().getMessage(), null);
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
		boolean expected = error.kind() == ErrorKind.PARSE || error.kind() == ErrorKind.TRANSFORM
				|| error.kind() == ErrorKind.LISTENER;
		// the stack trace, at DEBUG only, starts with the message: escaped too
		Throwable trace = (expected && logger.isDebugEnabled()) ? ExchangeLogging.escaped(error.cause()) : null;
		ExchangeLogging.warn(logger, error.exchange(), message::toString, trace);
	}

}
