package dev.exchangeintegration.benchmark;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.exchangeintegration.core.CloseStatus;
import dev.exchangeintegration.core.ConsumerSpec;
import dev.exchangeintegration.core.DefaultExchangeStream;
import dev.exchangeintegration.core.Frame;
import dev.exchangeintegration.core.FrameType;
import dev.exchangeintegration.core.JsonProtocolParser;
import dev.exchangeintegration.core.ProtocolParser;
import dev.exchangeintegration.core.ReconnectSpec;
import dev.exchangeintegration.core.Transport;
import dev.exchangeintegration.replay.CaptureWriter;
import dev.exchangeintegration.replay.ReplayTransport;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replay at speed 0, on one thread: how many frames per second the {@code replay}
 * transport feeds into a pipeline. A capture in this library's format with
 * {@code benchmark.frames} Binance aggTrade envelopes (2,000,000 by default, about 440
 * MB) is written to a temporary file, then replayed {@code benchmark.rounds} times (after
 * a warm-up round) by each of:
 * <ul>
 * <li>{@code transport}: the replay transport alone, into a handler that counts the
 * frames and their bytes: the capture is read from the file, framed and handed over;</li>
 * <li>{@code pipeline}: the same replay through a {@link DefaultExchangeStream} with the
 * starter's JSON parser binding each frame into a record, the benchmark's transformer and
 * a direct consumer that checks every trade id, all on the replay's thread.</li>
 * </ul>
 * The last line reads {@code RESULT transport=...M/s pipeline=...k/s}, the medians.
 */
public final class ReplayBenchmark {

	/**
	 * Unused by direct delivery and a replay without timeouts, but required.
	 */
	private static final Scheduler SCHEDULER = Schedulers.newSingle("replay-benchmark", true);

	private ReplayBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int frames = Integer.getInteger("benchmark.frames", 2_000_000);
		int rounds = Integer.getInteger("benchmark.rounds", 3);
		System.out.println(EndToEndBenchmark.environment());
		Path capture = Files.createTempFile("replay-benchmark", ".capture");
		try {
			long bytes = write(capture, frames);
			System.out.printf("capture: %d frames, %d MB, %s%n", frames, bytes / 1_000_000, capture);
			List<Double> transport = new ArrayList<>();
			List<Double> pipeline = new ArrayList<>();
			for (int round = 0; round <= rounds; round++) {
				double alone = transportAlone(capture, frames);
				double through = throughPipeline(capture, frames);
				String label = (round == 0) ? "warm-up" : "round " + round;
				System.out.printf("%s: transport=%.0f frames/s pipeline=%.0f frames/s%n", label, alone, through);
				if (round > 0) {
					transport.add(alone);
					pipeline.add(through);
				}
			}
			System.out.printf("RESULT transport=%.2fM/s pipeline=%.0fk/s frames=%d rounds=%d%n",
					median(transport) / 1e6, median(pipeline) / 1e3, frames, rounds);
		}
		finally {
			Files.deleteIfExists(capture);
		}
	}

	private static long write(Path capture, int frames) throws IOException {
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(capture), 1 << 16);
				CaptureWriter writer = CaptureWriter.create(out, "benchmark")) {
			long id = TradeFrames.FIRST_ID;
			long micros = 1_626_992_741_000_000L;
			for (int i = 0; i < frames; i++) {
				byte[] payload = TradeFrames.text(id).getBytes(StandardCharsets.UTF_8);
				writer.write(micros + i, false, FrameType.TEXT, payload, 0, payload.length);
				id = TradeFrames.successorOf(id);
			}
			return writer.size();
		}
	}

	private static double transportAlone(Path capture, int frames) {
		Transport transport = ReplayTransport.of("benchmark", capture, 0, false);
		AtomicLong count = new AtomicLong();
		long[] bytes = new long[1];
		long start = System.nanoTime();
		CloseStatus status = transport.connect(new Transport.Handler() {

			@Override
			public void onOpen(Transport.Outbound outbound) {
			}

			@Override
			public void onFrame(Frame frame) {
				bytes[0] += frame.length();
				count.lazySet(count.get() + 1);
			}

		}).block(Duration.ofMinutes(5));
		long elapsed = System.nanoTime() - start;
		check(status, count.get(), frames);
		return count.get() * 1e9 / elapsed;
	}

	private static double throughPipeline(Path capture, int frames) throws InterruptedException {
		ProtocolParser<AggTradeEnvelope> parser = JsonProtocolParser.forType(JsonMapper.builder().build(),
				AggTradeEnvelope.class);
		DefaultExchangeStream<AggTradeEnvelope, Trade> stream = DefaultExchangeStream
			.<AggTradeEnvelope, Trade>builder("benchmark", ReplayTransport.of("benchmark", capture, 0, false), parser,
					new TradeTransformer())
			.reconnect(ReconnectSpec.DISABLED)
			.deliveryScheduler(SCHEDULER)
			.timer(SCHEDULER)
			.build();
		AtomicLong count = new AtomicLong();
		long[] breaks = new long[1];
		long[] expected = { TradeFrames.FIRST_ID };
		CountDownLatch done = new CountDownLatch(1);
		stream.subscribe(ConsumerSpec.direct("counter"), (trade, context) -> {
			if (trade.id() != expected[0]) {
				breaks[0]++;
			}
			expected[0] = TradeFrames.successorOf(trade.id());
			if (count.incrementAndGet() == frames) {
				done.countDown();
			}
		});
		long start = System.nanoTime();
		stream.start();
		if (!done.await(5, TimeUnit.MINUTES)) {
			throw new IllegalStateException("Only " + count.get() + " of " + frames + " trades in 5 minutes");
		}
		long elapsed = System.nanoTime() - start;
		stream.stop(Duration.ofSeconds(5));
		if (breaks[0] != 0) {
			throw new IllegalStateException(breaks[0] + " breaks in the trade id sequence");
		}
		return frames * 1e9 / elapsed;
	}

	private static void check(CloseStatus status, long count, int frames) {
		if (!CloseStatus.END_OF_STREAM.equals(status) || count != frames) {
			throw new IllegalStateException("Replayed " + count + " of " + frames + " frames, ended with " + status);
		}
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

}
