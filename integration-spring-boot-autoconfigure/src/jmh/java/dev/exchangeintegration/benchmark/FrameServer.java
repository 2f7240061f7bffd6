package dev.exchangeintegration.benchmark;

import java.net.URI;
import java.time.Duration;
import java.util.function.IntToLongFunction;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import org.reactivestreams.Publisher;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;
import reactor.netty.resources.LoopResources;

/**
 * A WebSocket server on 127.0.0.1 that sends every connection the same number of
 * {@link TradeFrames}, as fast as the client reads them, then stays quiet until the
 * client leaves.
 * <p>
 * It is cheap, so that the client gets the CPU: the frames are encoded once, with Netty's
 * own encoder, into one buffer of {@value TradeFrames#CYCLE} frames and one of the last
 * frame, and every write is a slice of them. It writes while the channel is writable and
 * resumes when it is again, so TCP flow control paces it. It runs on an event loop of its
 * own.
 */
final class FrameServer implements AutoCloseable {

	static final String PATH = "/ws";

	private final LoopResources loops = LoopResources.create("benchmark-server", 1, true);

	private final ByteBuf frames = encode(TradeFrames.CYCLE, (n) -> TradeFrames.FIRST_ID + n);

	private final ByteBuf lastFrame = encode(1, (n) -> TradeFrames.LAST_ID);

	private final int frameSize = this.lastFrame.readableBytes();

	private final long framesPerConnection;

	private final DisposableServer server;

	FrameServer(long framesPerConnection) {
		this.framesPerConnection = framesPerConnection;
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.runOn(this.loops)
			.route((routes) -> routes.ws(PATH, this::stream))
			.bindNow();
	}

	URI uri() {
		return URI.create("ws://127.0.0.1:" + this.server.port() + PATH);
	}

	private Publisher<Void> stream(WebsocketInbound in, WebsocketOutbound out) {
		out.withConnection(this::startWriting);
		// until the client closes the connection
		return in.receiveFrames().then();
	}

	private void startWriting(Connection connection) {
		Writer writer = new Writer(connection.channel());
		connection.addHandlerLast("benchmark-writer", writer);
		connection.channel().eventLoop().execute(writer::writeWhileWritable);
	}

	private static ByteBuf encode(int count, IntToLongFunction ids) {
		EmbeddedChannel encoder = new EmbeddedChannel(new WebSocket13FrameEncoder(false));
		ByteBuf encoded = Unpooled.directBuffer();
		for (int n = 0; n < count; n++) {
			encoder.writeOutbound(new TextWebSocketFrame(TradeFrames.text(ids.applyAsLong(n))));
			for (ByteBuf part = encoder.readOutbound(); part != null; part = encoder.readOutbound()) {
				encoded.writeBytes(part);
				part.release();
			}
		}
		encoder.finishAndReleaseAll();
		return encoded;
	}

	@Override
	public void close() {
		this.server.disposeNow();
		this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
		this.frames.release();
		this.lastFrame.release();
	}

	/**
	 * Writes one connection's frames, on its event loop.
	 */
	private final class Writer extends ChannelInboundHandlerAdapter {

		private final Channel channel;

		private long remaining = FrameServer.this.framesPerConnection;

		Writer(Channel channel) {
			this.channel = channel;
		}

		void writeWhileWritable() {
			boolean wrote = false;
			while (this.remaining > 0 && this.channel.isActive() && this.channel.isWritable()) {
				// a whole number of cycles has been sent, so the slice starts at frame 0
				int count = (int) Math.min(TradeFrames.CYCLE, this.remaining - 1);
				if (count > 0) {
					this.channel.write(FrameServer.this.frames.retainedSlice(0, count * FrameServer.this.frameSize),
							this.channel.voidPromise());
					this.remaining -= count;
				}
				if (this.remaining == 1) {
					this.channel.write(FrameServer.this.lastFrame.retainedDuplicate(), this.channel.voidPromise());
					this.remaining = 0;
				}
				wrote = true;
			}
			if (wrote) {
				this.channel.flush();
			}
		}

		@Override
		public void channelWritabilityChanged(ChannelHandlerContext context) {
			if (this.channel.isWritable()) {
				writeWhileWritable();
			}
			context.fireChannelWritabilityChanged();
		}

	}

}
