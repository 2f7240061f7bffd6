package dev.exchangeintegration.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.exchangeintegration.core.Frame;
import dev.exchangeintegration.core.JsonProtocolParser;
import dev.exchangeintegration.core.ProtocolParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parse and transform of one Binance aggTrade envelope on one thread: one operation is
 * one frame, so ops/s is frames per second per core. The target is 2,000,000.
 * <ul>
 * <li>{@code parseAndTransform}: the starter's own {@link JsonProtocolParser} over a
 * reused frame, as the WebSocket transport reuses one per connection, then the
 * {@link TradeTransformer};</li>
 * <li>{@code parseAndTransformNewFrame}: the same over a frame from
 * {@link Frame#text(String)}, whose every read allocates a stream;</li>
 * <li>{@code jacksonAlone}: Jackson binding the byte array directly, then the
 * transformer: the floor the parser is measured against.</li>
 * </ul>
 * Run with {@code -prof gc} for the bytes allocated per frame
 * ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ParseTransformBenchmark {

	private final TradeTransformer transformer = new TradeTransformer();

	private ProtocolParser<AggTradeEnvelope> parser;

	private ObjectReader reader;

	private byte[] payload;

	private Frame reusedFrame;

	private Frame newFrame;

	private Consumer<Trade> sink;

	@Setup
	public void setUp(Blackhole blackhole) {
		JsonMapper mapper = JsonMapper.builder().build();
		this.parser = JsonProtocolParser.forType(mapper, AggTradeEnvelope.class);
		this.reader = mapper.readerFor(AggTradeEnvelope.class);
		String text = TradeFrames.text(TradeFrames.FIRST_ID);
		this.payload = text.getBytes(StandardCharsets.UTF_8);
		this.reusedFrame = new ReusableFrame(this.payload);
		this.newFrame = Frame.text(text);
		this.sink = blackhole::consume;
	}

	@Benchmark
	public void parseAndTransform() throws Exception {
		this.transformer.transform(this.parser.parse(this.reusedFrame), this.sink);
	}

	@Benchmark
	public void parseAndTransformNewFrame() throws Exception {
		this.transformer.transform(this.parser.parse(this.newFrame), this.sink);
	}

	@Benchmark
	public void jacksonAlone() {
		this.transformer.transform(this.reader.readValue(this.payload), this.sink);
	}

}
