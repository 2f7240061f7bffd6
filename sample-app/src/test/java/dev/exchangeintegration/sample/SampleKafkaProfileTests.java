package dev.exchangeintegration.sample;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * Runs the sample with its {@code kafka} profile against an in-process broker: the
 * rolling volumes are recorded into the topic and read back.
 */
@SpringBootTest(properties = "sample.replay.speed=200")
@ActiveProfiles("kafka")
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class SampleKafkaProfileTests {

	private static final EmbeddedKafkaKraftBroker broker = startBroker();

	private static EmbeddedKafkaKraftBroker startBroker() {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1, "sample-volumes");
		broker.brokerProperty("listeners", "EXTERNAL://127.0.0.1:0,CONTROLLER://127.0.0.1:0");
		broker.afterPropertiesSet();
		// stopped with the JVM, after the application context: stopping it first would
		// leave the application's producer waiting for it on shutdown
		Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "sample-kafka-broker-stop"));
		return broker;
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			int port = socket.getLocalPort();
			registry.add("sample.replay.port", () -> port);
		}
		registry.add("spring.kafka.bootstrap-servers",
				() -> broker.getBrokersAsString().replace("localhost", "127.0.0.1"));
	}

	@Test
	void rollingVolumesAreRecordedIntoKafkaAndReadBack(CapturedOutput output) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> output.getOut().contains("recorded CTKUSDT at offset 0: rolling volume 10"));
		await().atMost(Duration.ofSeconds(30)).until(() -> output.getOut().contains("at offset 10: rolling volume "));
	}

}
