package dev.exchangeintegration.metrics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Meter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app's Grafana dashboard queries the {@link ExchangeStreamMeters}, by their
 * Prometheus names, and nothing else.
 */
class GrafanaDashboardTests {

	private static final Path DASHBOARD = Path.of("../sample-app/grafana/exchange-streams-dashboard.json");

	private static final Pattern METRIC = Pattern.compile("exchange_stream_[a-z_]+");

	@Test
	void everyQueryNamesAMeterAndTheIssuesPanelsArePresent() throws Exception {
		JsonNode dashboard = new JsonMapper().readTree(Files.readString(DASHBOARD));
		Set<String> known = prometheusNames();
		List<String> titles = new ArrayList<>();
		Set<String> queried = new HashSet<>();
		for (JsonNode panel : dashboard.get("panels")) {
			titles.add(panel.get("title").asString());
			for (JsonNode target : panel.get("targets")) {
				Matcher matcher = METRIC.matcher(target.get("expr").asString());
				while (matcher.find()) {
					queried.add(matcher.group());
				}
			}
		}
		assertThat(known).containsAll(queried);
		assertThat(titles).contains("Frames per second", "Errors by kind", "State", "Delivery latency percentiles",
				"Drops by consumer");
		assertThat(queried).contains("exchange_stream_frames_total", "exchange_stream_errors_total",
				"exchange_stream_state", "exchange_stream_delivery_seconds_bucket", "exchange_stream_dropped_total");
	}

	private static Set<String> prometheusNames() {
		Set<String> names = new HashSet<>();
		for (ExchangeStreamMeters meter : ExchangeStreamMeters.values()) {
			String name = meter.getName().replace('.', '_');
			if (meter.getType() == Meter.Type.COUNTER) {
				names.add(name + "_total");
			}
			else if (meter.getType() == Meter.Type.TIMER) {
				names.add(name + "_seconds_bucket");
				names.add(name + "_seconds_count");
				names.add(name + "_seconds_sum");
			}
			else {
				names.add(name + ("seconds".equals(meter.getBaseUnit()) ? "_seconds" : ""));
			}
		}
		return names;
	}

}
