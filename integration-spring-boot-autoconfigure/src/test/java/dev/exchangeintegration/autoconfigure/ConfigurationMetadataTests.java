package dev.exchangeintegration.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration processor documents the shared keys of every transport, its own group
 * included: the {@code exchange-integration.defaults} mirror of the keys each exchange
 * takes.
 */
class ConfigurationMetadataTests {

	@Test
	void documentsTheCommonKeysAndTheKeysOfEachTransport() throws IOException {
		List<String> names = propertyNames();
		assertThat(names).contains("exchange-integration.defaults.protocol", "exchange-integration.defaults.parser",
				"exchange-integration.defaults.buffer-size", "exchange-integration.defaults.reconnect.jitter",
				"exchange-integration.defaults.url", "exchange-integration.defaults.heartbeat.interval",
				"exchange-integration.defaults.subscription-ack.id-pointer", "exchange-integration.defaults.ssl.bundle",
				"exchange-integration.defaults.client", "exchange-integration.defaults.interval",
				"exchange-integration.exchanges");
		// a transport declared in test code gets its group documented the same way
		assertThat(names).contains("exchange-integration.defaults.line.host",
				"exchange-integration.defaults.line.port");
	}

	@Test
	void documentsTheReplayAndRecordingKeys() throws IOException {
		assertThat(propertyNames()).contains("exchange-integration.defaults.replay.path",
				"exchange-integration.defaults.replay.speed", "exchange-integration.defaults.replay.loop",
				"exchange-integration.defaults.record.path", "exchange-integration.defaults.record.enabled",
				"exchange-integration.defaults.record.rotate-size",
				"exchange-integration.defaults.record.rotate-interval", "exchange-integration.defaults.record.gzip",
				"exchange-integration.defaults.record.queue-size");
	}

	private static List<String> propertyNames() throws IOException {
		List<String> names = new ArrayList<>();
		for (URL url : Collections.list(ConfigurationMetadataTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				for (JsonNode property : JsonMapper.shared().readTree(in).path("properties")) {
					names.add(property.path("name").stringValue());
				}
			}
		}
		return names;
	}

}
