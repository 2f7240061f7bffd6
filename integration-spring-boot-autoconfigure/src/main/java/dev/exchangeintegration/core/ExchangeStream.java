package dev.exchangeintegration.core;

import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;

/**
 * A running exchange stream: a transport, a protocol parser and a transformer, producing
 * outputs of type {@code O}.
 *
 * @param <O> the output type
 */
public interface ExchangeStream<O> {

	/**
	 * Return the exchange name, as configured.
	 * @return the exchange name
	 */
	String name();

	/**
	 * Return the outputs as a hot, shared flux: every subscriber uses the same connection
	 * and sees the outputs produced after it subscribed. Each subscriber has its own
	 * bounded buffer, so a slow one never stalls the connection or other subscribers, and
	 * is delivered off the transport's I/O thread. The flux completes when the stream
	 * ends; it never errors.
	 * @return the outputs
	 */
	Flux<O> flux();

	/**
	 * Return the outputs as {@link #flux()} does, delivered on the given scheduler.
	 * @param scheduler the scheduler to deliver on, one worker per subscriber
	 * @return the outputs
	 */
	Flux<O> flux(Scheduler scheduler);

}
