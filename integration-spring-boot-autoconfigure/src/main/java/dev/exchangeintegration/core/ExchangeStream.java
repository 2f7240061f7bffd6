package dev.exchangeintegration.core;

import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;

/**
 * A running exchange stream: a transport, a protocol parser and a transformer, producing
 * outputs of type {@code O}. It survives its connections: when one is lost it reconnects
 * and resubscribes, and its outputs go on as one continuous stream.
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
	 * bounded buffer, delivered off the transport's I/O thread as far as it has
	 * requested, and the stream's overflow policy applies when it is full: with
	 * {@link OverflowPolicy#BACKPRESSURE}, the default, a subscriber that requests
	 * nothing for long enough stops the stream reading; with
	 * {@link OverflowPolicy#ERROR}, a subscriber that falls behind receives a
	 * {@link ConsumerOverflowException}. The flux neither completes nor errors when a
	 * connection is lost and replaced: it completes only when the stream stops, or when
	 * reconnection is disabled or exhausted.
	 * @return the outputs
	 */
	Flux<O> flux();

	/**
	 * Return the outputs as {@link #flux()} does, delivered on the given scheduler.
	 * @param scheduler the scheduler to deliver on, one worker per subscriber
	 * @return the outputs
	 */
	Flux<O> flux(Scheduler scheduler);

	/**
	 * Return the outputs as {@link #flux()} does, delivered on the given scheduler, for a
	 * named consumer: its dropped outputs are counted and reported under that name.
	 * @param consumer the consumer's name
	 * @param scheduler the scheduler to deliver on, one worker per subscriber
	 * @return the outputs
	 */
	Flux<O> flux(String consumer, Scheduler scheduler);

	/**
	 * Return the state of the connection.
	 * @return the state
	 */
	ConnectionState state();

	/**
	 * Send a message on the open connection, for example an order or a one-off request.
	 * It is <em>not</em> sent again after a reconnect; use
	 * {@link #addSubscription(Object)} for messages that must be. The message is handed
	 * to the transport as it is, in a type the transport understands: a {@code String} (a
	 * text frame) or a {@code byte[]} (a binary frame) for WebSocket; other transports
	 * document theirs.
	 * @param message the message
	 * @throws IllegalStateException if no connection is open
	 * @throws IllegalArgumentException if the transport cannot send that type
	 */
	void send(Object message);

	/**
	 * Add a subscription at runtime: it is sent now if a connection is open, and on every
	 * reconnect after the configured subscriptions, in the order added.
	 * @param subscription the subscription message, in a type the transport understands,
	 * as for {@link #send(Object)}
	 */
	void addSubscription(Object subscription);

	/**
	 * Attach a consumer: from now on, every output is handed to {@code handler} as
	 * {@code spec} says (directly on the transport's thread, or on a thread of the
	 * consumer's own with a bounded buffer and an overflow policy), until the returned
	 * subscription is disposed or the stream stops.
	 * @param spec how the consumer receives outputs
	 * @param handler the consumer
	 * @return the subscription, to pause, resume or dispose of it
	 */
	OutputSubscription subscribe(ConsumerSpec spec, OutputHandler<? super O> handler);

	/**
	 * Return the number of outputs dropped so far for each consumer that fell behind, by
	 * consumer name. Flux subscribers without a name are named {@code flux-1},
	 * {@code flux-2}...
	 * @return the dropped outputs by consumer
	 */
	Map<String, Long> droppedOutputs();

}
