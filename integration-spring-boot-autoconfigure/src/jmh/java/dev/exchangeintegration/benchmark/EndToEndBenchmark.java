package dev.exchangeintegration.benchmark;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Frames per second from a loopback WebSocket server through the starter's parser,
 * transformer and one {@code @ExchangeListener}, next to a bare Reactor Netty and Jackson
 * client reading the same server in the same run.
 * <p>
 * Contenders, each connecting once per round and timed from its first trade to its last:
 * <ul>
 * <li>{@code bare}: {@link BareClient}, binding on the event loop;</li>
 * <li>{@code isolated}: the starter, delivering to an {@link IsolatedListener} on the
 * listener's own thread;</li>
 * <li>{@code direct}: the starter, delivering to a {@link DirectListener} on the socket
 * thread, {@code @ExchangeListener(direct = true)};</li>
 * <li>{@code metered}: {@code isolated} with Micrometer and the starter's meters; the
 * result's {@code meters} is the median over the rounds of its ratio to {@code isolated},
 * the cost of the meters.</li>
 * </ul>
 * A warm-up round comes first and is not counted; each round runs every contender in
 * turn, in alternating order. Every trade's id is checked against the one before, so a
 * lost, duplicated or reordered frame is reported. The last line reads
 * {@code RESULT bare=283k/s isolated=145k/s (0.64x) direct=n/a ...}: the median frames
 * per second of each contender, and in brackets the median over the rounds of its ratio
 * to {@code bare} in the same round.
 * <p>
 * System properties: {@code benchmark.frames}, frames per connection (2,000,000 by
 * default); {@code benchmark.rounds}, measured rounds (3 by default). Two arguments, if
 * given, override them in that order.
 */
public final class EndToEndBenchmark {

	private static final Duration STALL_TIMEOUT = Duration.ofSeconds(10);

	private EndToEndBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		long frames = (args.length > 0) ? Long.parseLong(args[0]) : Long.getLong("benchmark.frames", 2_000_000);
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : Integer.getInteger("benchmark.rounds", 3);
		double startLoad = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		System.out.println(environment() + ", " + frames + " frames, " + rounds + " rounds after a warm-up round");
		List<Contender> contenders = List.of(new BareClient(), StarterContender.isolated(), StarterContender.direct(),
				StarterContender.metered());
		Map<String, List<Measurement>> results = new LinkedHashMap<>();
		contenders.forEach((contender) -> results.put(contender.name(), new ArrayList<>()));
		try (FrameServer server = new FrameServer(frames)) {
			for (int round = 0; round <= rounds; round++) {
				List<Contender> order = new ArrayList<>(contenders);
				if (round % 2 == 1) {
					Collections.reverse(order);
				}
				for (Contender contender : order) {
					Measurement measurement = contender.run(server.uri(), frames, STALL_TIMEOUT);
					System.out.println(((round == 0) ? "warm-up  " : "round " + round + "  ") + measurement.describe());
					if (round > 0) {
						results.get(contender.name()).add(measurement);
					}
					// each contender starts from a collected heap
					System.gc();
				}
			}
		}
		double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		System.out.printf("load average %.2f%n", load);
		if (Math.max(startLoad, load) > Runtime.getRuntime().availableProcessors()) {
			// more runnable threads than CPUs: a contender with more threads gets more
			// CPU
			System.out.println("WARNING: the load average exceeds the CPUs: the ratios measure the scheduler "
					+ "more than the code");
		}
		System.out.println(result(results, frames, rounds));
		System.exit(0);
	}

	private static String result(Map<String, List<Measurement>> results, long frames, int rounds) {
		List<Measurement> bare = results.get("bare");
		StringBuilder line = new StringBuilder("RESULT bare=").append(thousands(median(rates(bare)))).append("/s");
		for (String contender : List.of("isolated", "direct", "metered")) {
			List<Measurement> measured = results.get(contender);
			line.append(' ').append(contender).append('=');
			if (measured == null) {
				line.append("n/a");
				continue;
			}
			double[] ratios = new double[measured.size()];
			for (int round = 0; round < measured.size(); round++) {
				ratios[round] = measured.get(round).framesPerSecond() / bare.get(round).framesPerSecond();
			}
			line.append(thousands(median(rates(measured))))
				.append("/s (")
				.append(String.format("%.2fx", median(ratios)))
				.append(')');
		}
		List<Measurement> isolated = results.get("isolated");
		List<Measurement> metered = results.get("metered");
		if (isolated != null && metered != null) {
			// the cost of the meters: metered over isolated, round by round
			double[] ratios = new double[metered.size()];
			for (int round = 0; round < metered.size(); round++) {
				ratios[round] = metered.get(round).framesPerSecond() / isolated.get(round).framesPerSecond();
			}
			line.append(" meters=").append(String.format("%.3fx", median(ratios)));
		}
		String losses = results.values()
			.stream()
			.flatMap(List::stream)
			.filter((measurement) -> !measurement.complete())
			.map(Measurement::contender)
			.distinct()
			.collect(Collectors.joining(","));
		return line.append(" frames=")
			.append(frames)
			.append(" rounds=")
			.append(rounds)
			.append(" loss=")
			.append(losses.isEmpty() ? "none" : losses)
			.toString();
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

	static String thousands(double perSecond) {
		return Math.round(perSecond / 1000) + "k";
	}

	static String environment() {
		String collectors = ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.map(GarbageCollectorMXBean::getName)
			.collect(Collectors.joining(", "));
		return String.format("JDK %s, %d CPUs, load average %.2f, GC %s, max heap %d MiB",
				System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), collectors,
				Runtime.getRuntime().maxMemory() / (1024 * 1024));
	}

}
