package dev.exchangeintegration.benchmark;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.exchangeintegration.core.ExchangeStream;
import dev.exchangeintegration.kafka.KafkaExchangeAutoConfiguration;
import dev.exchangeintegration.kafka.KafkaExchangeSinks;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Kafka throughput on an in-process KRaft broker on 127.0.0.1, in one run:
 * <ul>
 * <li>{@code source-bare}: a bare {@link KafkaConsumer} loop reading a topic of Binance
 * {@code aggTrade} envelopes from its start and binding each value with Jackson, as the
 * bare WebSocket client of {@link EndToEndBenchmark} does;</li>
 * <li>{@code source-starter}: a {@code protocol: kafka} exchange reading the same topic,
 * through the same transformer as the WebSocket benchmark, to one
 * {@code @ExchangeListener};</li>
 * <li>{@code sink}: a WebSocket exchange fed by {@link FrameServer} with its outputs sent
 * to a topic by {@code sinks.kafka}, timed from the first output acknowledged by the
 * broker to the last.</li>
 * </ul>
 * A warm-up round comes first and is not counted. The last line reads
 * {@code RESULT source-bare=...k/s source-starter=...k/s (0.93x) sink=...k/s ...}:
 * medians over the rounds, and the median ratio of the starter to the bare loop in the
 * same round. System properties: {@code benchmark.kafka.records} (500,000 by default) and
 * {@code benchmark.rounds} (3 by default).
 */
public final class KafkaBenchmark {

	private static final Duration STALL_TIMEOUT = Duration.ofSeconds(20);

	private static final String TOPIC = "bench-trades";

	private KafkaBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		long records = Long.getLong("benchmark.kafka.records", 500_000);
		int rounds = Integer.getInteger("benchmark.rounds", 3);
		System.out
			.println("JDK " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
					+ " CPUs, load average " + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()
					+ ", " + records + " records, " + rounds + " rounds after a warm-up round");
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1, TOPIC);
		broker.brokerProperty("listeners", "EXTERNAL://127.0.0.1:0,CONTROLLER://127.0.0.1:0");
		broker.afterPropertiesSet();
		List<Measurement> bare = new ArrayList<>();
		List<Measurement> starter = new ArrayList<>();
		List<Measurement> sink = new ArrayList<>();
		try {
			String bootstrap = broker.getBrokersAsString().replace("localhost", "127.0.0.1");
			fill(bootstrap, records);
			try (FrameServer server = new FrameServer(records)) {
				for (int round = 0; round <= rounds; round++) {
					String prefix = (round == 0) ? "warm-up  " : "round " + round + "  ";
					Measurement b = bareLoop(bootstrap, records);
					System.out.println(prefix + b.describe());
					Measurement s = starterSource(bootstrap, records, round);
					System.out.println(prefix + s.describe());
					Measurement k = starterSink(bootstrap, server, records, round);
					System.out.println(prefix + k.describe());
					if (round > 0) {
						bare.add(b);
						starter.add(s);
						sink.add(k);
					}
					System.gc();
				}
			}
		}
		finally {
			broker.destroy();
		}
		double[] ratios = new double[bare.size()];
		for (int i = 0; i < ratios.length; i++) {
			ratios[i] = starter.get(i).framesPerSecond() / bare.get(i).framesPerSecond();
		}
		boolean loss = List.of(bare, starter, sink).stream().flatMap(List::stream).anyMatch((m) -> !m.complete());
		System.out.printf("load average %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		System.out.println("RESULT source-bare=" + EndToEndBenchmark.thousands(median(rates(bare)))
				+ "/s source-starter=" + EndToEndBenchmark.thousands(median(rates(starter))) + "/s ("
				+ String.format("%.2fx", median(ratios)) + ") sink=" + EndToEndBenchmark.thousands(median(rates(sink)))
				+ "/s records=" + records + " rounds=" + rounds + " loss=" + (loss ? "yes" : "none"));
		System.exit(0);
	}

	/**
	 * Write the records: the frames of {@link FrameServer}, ids cycling from
	 * {@link TradeFrames#FIRST_ID}, the last one {@link TradeFrames#LAST_ID}.
	 */
	private static void fill(String bootstrap, long records) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
		byte[][] cycle = new byte[TradeFrames.CYCLE][];
		for (int n = 0; n < TradeFrames.CYCLE; n++) {
			cycle[n] = TradeFrames.text(TradeFrames.FIRST_ID + n).getBytes(StandardCharsets.UTF_8);
		}
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
			for (long n = 0; n < records - 1; n++) {
				producer.send(new ProducerRecord<>(TOPIC, 0, null, cycle[(int) (n % TradeFrames.CYCLE)]));
			}
			producer.send(new ProducerRecord<>(TOPIC, 0, null,
					TradeFrames.text(TradeFrames.LAST_ID).getBytes(StandardCharsets.UTF_8)));
			producer.flush();
		}
	}

	private static Measurement bareLoop(String bootstrap, long records) throws InterruptedException {
		Tally tally = new Tally(records);
		JsonMapper jsonMapper = new JsonMapper();
		Thread loop = new Thread(() -> {
			Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
					ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
					ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
					ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
			try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
				TopicPartition partition = new TopicPartition(TOPIC, 0);
				consumer.assign(List.of(partition));
				consumer.seekToBeginning(List.of(partition));
				long count = 0;
				while (count < records && !Thread.currentThread().isInterrupted()) {
					for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
						AggTradeEnvelope envelope = jsonMapper.readValue(record.value(), AggTradeEnvelope.class);
						tally.record(TradeTransformer.toTrade(envelope).id());
						count++;
					}
				}
			}
		}, "bare-kafka-consumer");
		loop.setDaemon(true);
		loop.start();
		Measurement measurement = tally.await("source-bare", STALL_TIMEOUT);
		// the loop ends once it has read every record; only a stalled one is interrupted
		loop.join(TimeUnit.SECONDS.toMillis(10));
		loop.interrupt();
		return measurement;
	}

	private static Measurement starterSource(String bootstrap, long records, int round) throws InterruptedException {
		Tally tally = new Tally(records);
		try (ConfigurableApplicationContext context = application(tally, IsolatedListener.class)
			.properties(Map.of("spring.kafka.bootstrap-servers", bootstrap,
					"exchange-integration.exchanges.bench.protocol", "kafka",
					"exchange-integration.exchanges.bench.kafka.topics", TOPIC,
					"exchange-integration.exchanges.bench.kafka.start", "earliest",
					"exchange-integration.exchanges.bench.kafka.group-id", "bench-" + round + "-" + System.nanoTime(),
					"exchange-integration.exchanges.bench.transformer", "benchTrades"))
			.run()) {
			return withDrops(tally.await("source-starter", STALL_TIMEOUT), context);
		}
	}

	private static Measurement starterSink(String bootstrap, FrameServer server, long records, int round)
			throws InterruptedException {
		String topic = "bench-sink-" + round;
		try (ConfigurableApplicationContext context = application(null, KafkaImports.class)
			.properties(Map.of("spring.kafka.bootstrap-servers", bootstrap, "exchange-integration.exchanges.bench.url",
					server.uri().toString(), "exchange-integration.exchanges.bench.transformer", "benchTrades",
					"exchange-integration.exchanges.bench.sinks.kafka.topic", topic))
			.run()) {
			KafkaExchangeSinks sinks = context.getBean(KafkaExchangeSinks.class);
			long first = 0;
			long seen = 0;
			long lastProgress = System.nanoTime();
			while (true) {
				long sent = sinks.sentOutputs().getOrDefault("bench", 0L);
				long failed = sinks.failedSends().getOrDefault("bench", 0L);
				long now = System.nanoTime();
				if (sent > 0 && first == 0) {
					first = now;
				}
				if (sent + failed >= records) {
					Measurement measurement = new Measurement("sink", records, sent, 0, 0, now - first);
					return withDrops((failed > 0) ? measurement.withNote(failed + " failed sends") : measurement,
							context);
				}
				if (sent != seen) {
					seen = sent;
					lastProgress = now;
				}
				else if (now - lastProgress > STALL_TIMEOUT.toNanos()) {
					return new Measurement("sink", records, sent, 0, 0, 0)
						.withNote("nothing sent for " + STALL_TIMEOUT.toSeconds() + " s");
				}
				Thread.sleep(1);
			}
		}
	}

	private static SpringApplicationBuilder application(Tally tally, Class<?> listener) {
		return new SpringApplicationBuilder(BenchmarkApplication.class, KafkaImports.class, listener)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.registerShutdownHook(false)
			.initializers((initialized) -> initialized.getBeanFactory()
				.registerSingleton("tally", (tally != null) ? tally : new Tally(0)));
	}

	private static Measurement withDrops(Measurement measurement, ConfigurableApplicationContext context) {
		for (ExchangeStream<?> stream : context.getBeansOfType(ExchangeStream.class).values()) {
			if (!stream.droppedOutputs().isEmpty()) {
				measurement = measurement.withNote("dropped " + stream.droppedOutputs());
			}
		}
		return measurement;
	}

	private static double[] rates(List<Measurement> measurements) {
		return measurements.stream().mapToDouble(Measurement::framesPerSecond).toArray();
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/**
	 * Spring Boot's Kafka auto-configuration and the starter's.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ KafkaAutoConfiguration.class, KafkaExchangeAutoConfiguration.class })
	static class KafkaImports {

	}

}
