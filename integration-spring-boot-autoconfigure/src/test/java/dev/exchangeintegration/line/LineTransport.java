package dev.exchangeintegration.line;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.exchangeintegration.core.CloseStatus;
import dev.exchangeintegration.core.Frame;
import dev.exchangeintegration.core.Transport;
import io.netty.handler.codec.LineBasedFrameDecoder;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.tcp.TcpClient;

/**
 * A line-based TCP transport: every line received is a text frame, and every message sent
 * is a line.
 */
class LineTransport implements Transport {

	private final TcpClient client;

	LineTransport(String host, int port, int maxLineLength) {
		this.client = TcpClient.create(ConnectionProvider.newConnection())
			.host(host)
			.port(port)
			.doOnConnected((connection) -> connection.addHandlerLast(new LineBasedFrameDecoder(maxLineLength)));
	}

	@Override
	public Mono<CloseStatus> connect(Handler handler) {
		return this.client.connect().flatMap((connection) -> session(connection, handler));
	}

	private Mono<CloseStatus> session(Connection connection, Handler handler) {
		Sinks.Many<String> lines = Sinks.many().unicast().onBackpressureBuffer();
		connection.outbound().sendString(lines.asFlux().map((line) -> line + "\n")).then().subscribe();
		AtomicBoolean closing = new AtomicBoolean();
		handler.onOpen(new Outbound() {

			@Override
			public void send(Object message) {
				if (!(message instanceof String line)) {
					throw new IllegalArgumentException("A line transport sends String lines, not " + message);
				}
				lines.tryEmitNext(line);
			}

			@Override
			public void close(String reason) {
				closing.set(true);
				connection.dispose();
			}

		});
		return connection.inbound()
			.receive()
			.asString(StandardCharsets.UTF_8)
			.doOnNext((line) -> handler.onFrame(Frame.text(line)))
			.then(Mono.fromSupplier(
					() -> new CloseStatus(0, closing.get() ? "closed by the client" : "ended by the server")));
	}

}
