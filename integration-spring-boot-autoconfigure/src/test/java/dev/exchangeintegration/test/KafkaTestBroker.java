package dev.exchangeintegration.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One in-process KRaft Kafka broker on 127.0.0.1 shared by the tests of the JVM, started
 * on first use and stopped when the JVM exits. Each test takes topics of its own, so that
 * tests never see each other's records.
 */
public final class KafkaTestBroker {

	private static final AtomicInteger topics = new AtomicInteger();

	private static EmbeddedKafkaBroker broker;

	private KafkaTestBroker() {
	}

	/**
	 * Return the broker, starting it on first use.
	 * @return the broker
	 */
	public static synchronized EmbeddedKafkaBroker get() {
		if (broker == null) {
			EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 1);
			// loopback only: the test kit's listeners bind localhost otherwise
			started.brokerProperty("listeners", "EXTERNAL://127.0.0.1:0,CONTROLLER://127.0.0.1:0");
			started.brokerProperty("group.initial.rebalance.delay.ms", "0");
			started.afterPropertiesSet();
			Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "kafka-test-broker-stop"));
			broker = started;
		}
		return broker;
	}

	/**
	 * Return the bootstrap servers.
	 * @return the bootstrap servers
	 */
	public static String bootstrapServers() {
		return get().getBrokersAsString().replace("localhost", "127.0.0.1");
	}

	/**
	 * Create a new topic of a name no other test uses.
	 * @param prefix the start of the name
	 * @param partitions the number of partitions
	 * @return the topic's name
	 */
	public static String newTopic(String prefix, int partitions) {
		return newTopic(prefix, partitions, Map.of());
	}

	/**
	 * Create a new topic of a name no other test uses.
	 * @param prefix the start of the name
	 * @param partitions the number of partitions
	 * @param configs the topic's configuration
	 * @return the topic's name
	 */
	public static String newTopic(String prefix, int partitions, Map<String, String> configs) {
		String name = prefix + "-" + topics.incrementAndGet();
		get().addTopics(new NewTopic(name, partitions, (short) 1).configs(configs));
		return name;
	}

	/**
	 * Start a broker of its own that advertises a port other than its own, that of a
	 * {@link TcpProxy} in front of it: clients bootstrapped through the proxy reach the
	 * broker only through it.
	 * @param advertisedPort the port clients are told to connect to, on 127.0.0.1
	 * @return the started broker
	 */
	public static EmbeddedKafkaKraftBroker startBehindProxy(int advertisedPort) {
		EmbeddedKafkaKraftBroker own = new EmbeddedKafkaKraftBroker(1, 1);
		own.brokerProperty("listeners", "EXTERNAL://127.0.0.1:0,CONTROLLER://127.0.0.1:0");
		own.brokerProperty("advertised.listeners", "EXTERNAL://127.0.0.1:" + advertisedPort);
		own.brokerProperty("group.initial.rebalance.delay.ms", "0");
		own.afterPropertiesSet();
		return own;
	}

	/**
	 * Return the port of a broker's listener.
	 * @param broker the broker
	 * @return its port on 127.0.0.1
	 */
	public static int port(EmbeddedKafkaBroker broker) {
		String servers = broker.getBrokersAsString();
		return Integer.parseInt(servers.substring(servers.lastIndexOf(':') + 1));
	}

	/**
	 * Read every record of a topic from its start, waiting until there are as many as
	 * expected or ten seconds have passed.
	 * @param bootstrapServers the broker
	 * @param topic the topic
	 * @param expected the number of records to wait for
	 * @return the records
	 */
	public static List<ConsumerRecord<String, String>> read(String bootstrapServers, String topic, int expected) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
			consumer.assign(List.of(new TopicPartition(topic, 0)));
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (records.size() < expected && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(100)).forEach(records::add);
			}
		}
		return records;
	}

	/**
	 * Write records and wait for the broker to acknowledge them.
	 * @param topic the topic, of one partition
	 * @param records the keys (possibly {@code null}) and values, as UTF-8 text
	 */
	public static void send(String topic, String[]... records) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
			List<Future<RecordMetadata>> sent = new ArrayList<>();
			for (String[] record : records) {
				byte[] key = (record[0] != null) ? record[0].getBytes(StandardCharsets.UTF_8) : null;
				sent.add(
						producer.send(new ProducerRecord<>(topic, 0, key, record[1].getBytes(StandardCharsets.UTF_8))));
			}
			producer.flush();
			for (Future<RecordMetadata> future : sent) {
				future.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

}
