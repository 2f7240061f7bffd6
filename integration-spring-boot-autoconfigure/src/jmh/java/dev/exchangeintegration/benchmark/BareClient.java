package dev.exchangeintegration.benchmark;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;

import io.netty.buffer.ByteBufInputStream;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import reactor.core.Disposable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The baseline: what one would write by hand with Reactor Netty and Jackson alone. It
 * binds each frame on the event loop, turns it into a {@link Trade} as the starter's
 * transformer does, and counts it, on an event loop of its own as the starter has.
 */
final class BareClient implements Contender {

	private final ObjectReader reader = JsonMapper.builder().build().readerFor(AggTradeEnvelope.class);

	@Override
	public String name() {
		return "bare";
	}

	@Override
	public Measurement run(URI uri, long frames, Duration stallTimeout) throws InterruptedException {
		Tally tally = new Tally(frames);
		LoopResources loops = LoopResources.create("benchmark-bare", 1, true);
		Disposable connection = HttpClient.create(ConnectionProvider.newConnection())
			.runOn(loops)
			.websocket(WebsocketClientSpec.builder().maxFramePayloadLength(4 * 1024 * 1024).build())
			.uri(uri)
			.handle((in, out) -> in.receiveFrames().doOnNext((frame) -> {
				if (frame instanceof TextWebSocketFrame) {
					InputStream payload = new ByteBufInputStream(frame.content());
					AggTradeEnvelope envelope = this.reader.readValue(payload);
					tally.record(TradeTransformer.toTrade(envelope).id());
				}
			}))
			.subscribe();
		try {
			return tally.await(name(), stallTimeout);
		}
		finally {
			connection.dispose();
			loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
		}
	}

}
