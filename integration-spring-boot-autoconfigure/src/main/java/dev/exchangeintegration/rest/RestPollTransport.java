package dev.exchangeintegration.rest;

import java.time.Duration;
import java.util.Map;

import dev.exchangeintegration.core.CloseStatus;
import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.core.ExchangeError;
import dev.exchangeintegration.core.ExchangeStreamObserver;
import dev.exchangeintegration.core.Frame;
import dev.exchangeintegration.core.FrameType;
import dev.exchangeintegration.core.Transport;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

import org.springframework.http.HttpMethod;

/**
 * A {@link Transport} that polls a REST endpoint: every response body is a text frame,
 * which goes through the stream's parser, transformer, listeners and Flux like a
 * WebSocket frame. Polls go through an {@link ExchangeRestClient}, so they are signed,
 * rate-limited and retried like any other request of that client. The next poll starts
 * {@code interval} after the previous one ended, so polls never overlap.
 * <p>
 * A failing poll is reported to the observer as an error, and polling goes on. There is
 * nothing to send: {@link Transport.Outbound#send(Object)} fails.
 */
public final class RestPollTransport implements Transport {

	private final String exchange;

	private final ExchangeRestClient client;

	private final Poll request;

	private final Duration interval;

	private final ExchangeStreamObserver observer;

	private final Scheduler timer;

	/**
	 * Create a transport.
	 * @param exchange the exchange name, for error reports
	 * @param client the client to poll with
	 * @param path the path to poll, relative to the client's base URL
	 * @param query the query parameters, sent in iteration order
	 * @param interval the time between the end of a poll and the start of the next
	 * @param observer the observer that failing polls are reported to
	 * @param timer the scheduler of the intervals
	 */
	public RestPollTransport(String exchange, ExchangeRestClient client, String path, Map<String, ?> query,
			Duration interval, ExchangeStreamObserver observer, Scheduler timer) {
		this.exchange = exchange;
		this.client = client;
		this.request = new Poll(path, query);
		this.interval = interval;
		this.observer = observer;
		this.timer = timer;
	}

	@Override
	public Mono<CloseStatus> connect(Handler handler) {
		return Mono.defer(() -> {
			Sinks.One<CloseStatus> closed = Sinks.one();
			handler.onOpen(new Outbound(closed));
			Mono<Void> poll = this.client.execute(this.request)
				.doOnNext((body) -> handler.onFrame(new Frame.ByteArrayFrame(FrameType.TEXT, body)))
				.onErrorResume((ex) -> {
					this.observer.onError(new ExchangeError(this.exchange, ErrorKind.CONNECTION, ex, null));
					return Mono.empty();
				})
				.then(Mono.delay(this.interval, this.timer))
				.then();
			return Mono.firstWithSignal(poll.repeat().then(Mono.never()), closed.asMono());
		});
	}

	private record Poll(String path, Map<String, ?> queryParams) implements RestRequest<byte[]> {

		@Override
		public HttpMethod method() {
			return HttpMethod.GET;
		}

		@Override
		public Class<byte[]> responseType() {
			return byte[].class;
		}

	}

	private static final class Outbound implements Transport.Outbound {

		private final Sinks.One<CloseStatus> closed;

		Outbound(Sinks.One<CloseStatus> closed) {
			this.closed = closed;
		}

		@Override
		public void send(Object message) {
			throw new UnsupportedOperationException("A REST poll has nothing to send frames on");
		}

		@Override
		public void close(String reason) {
			// a poll has no close code of its own
			this.closed.tryEmitValue(new CloseStatus(0, reason));
		}

	}

}
