package dev.exchangeintegration.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import dev.exchangeintegration.annotation.ExchangeListener;
import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;
import dev.exchangeintegration.core.ConnectionState;
import dev.exchangeintegration.core.ConsumerOverflowException;
import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.core.ExchangeStream;
import dev.exchangeintegration.core.FrameException;
import dev.exchangeintegration.event.ExchangeErrorEvent;
import dev.exchangeintegration.test.KafkaTestBroker;
import dev.exchangeintegration.test.Recorder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code kafka} protocol through an in-process broker: poison records, a slow
 * listener, and offsets committed only once outputs are handed over.
 */
class KafkaTransportTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, KafkaAutoConfiguration.class,
				ExchangeIntegrationAutoConfiguration.class, KafkaExchangeAutoConfiguration.class))
		.withPropertyValues("spring.kafka.bootstrap-servers=" + KafkaTestBroker.bootstrapServers(),
				"spring.kafka.consumer.auto-offset-reset=earliest",
				"exchange-integration.exchanges.trades.protocol=kafka",
				"exchange-integration.exchanges.trades.parser=text")
		.withBean(Recorder.class);

	@Test
	void poisonRecordIsReportedAsParseErrorNamingTopicPartitionAndOffsetAndSkipped() {
		String topic = KafkaTestBroker.newTopic("poison", 1);
		KafkaTestBroker.send(topic, record("a", "{\"n\":1}"), record("b", "{\"n\":"), record("c", "{\"n\":3}"));
		this.contextRunner.withBean(JsonListener.class)
			.withPropertyValues("exchange-integration.exchanges.trades.kafka.topics=" + topic,
					"exchange-integration.exchanges.trades.kafka.start=earliest",
					"exchange-integration.exchanges.trades.parser=json")
			.run((context) -> {
				JsonListener listener = context.getBean(JsonListener.class);
				await().atMost(Duration.ofSeconds(30)).until(() -> listener.values.size() >= 2);
				assertThat(listener.values).containsExactly(1, 3);
				ExchangeErrorEvent error = context.getBean(Recorder.class).awaitError(0);
				assertThat(error.getKind()).isEqualTo(ErrorKind.PARSE);
				assertThat(error.getError()).isInstanceOf(FrameException.class)
					.hasMessageContaining("Kafka topic '" + topic + "' partition 0 offset 1");
				assertThat(error.getExcerpt()).isEqualTo("{\"n\":");
			});
	}

	@Test
	void recordWhoseKeyCannotBeDeserializedIsReportedAsParseErrorAndSkipped() {
		String topic = KafkaTestBroker.newTopic("poison-key", 1);
		KafkaTestBroker.send(topic, record("abcd", "one"), record("xyz", "two"), record("efgh", "three"));
		this.contextRunner.withBean(TextListener.class)
			.withPropertyValues("exchange-integration.exchanges.trades.kafka.topics=" + topic,
					"exchange-integration.exchanges.trades.kafka.start=earliest",
					"exchange-integration.exchanges.trades.kafka.properties[key.deserializer]="
							+ org.apache.kafka.common.serialization.IntegerDeserializer.class.getName())
			.run((context) -> {
				TextListener listener = context.getBean(TextListener.class);
				await().atMost(Duration.ofSeconds(30)).until(() -> listener.texts.size() >= 2);
				assertThat(listener.texts).containsExactly("one", "three");
				ExchangeErrorEvent error = context.getBean(Recorder.class).awaitError(0);
				assertThat(error.getKind()).isEqualTo(ErrorKind.PARSE);
				assertThat(error.getError()).isInstanceOf(FrameException.class)
					.hasMessageContaining("Kafka topic '" + topic + "' partition 0 offset 1");
			});
	}

	@Test
	void slowListenerPausesTheConsumerAndLosesNothing() {
		String topic = KafkaTestBroker.newTopic("slow", 1);
		KafkaTestBroker.send(topic, records(0, 400));
		this.contextRunner.withBean(BlockingListener.class)
			.withPropertyValues("exchange-integration.exchanges.trades.kafka.topics=" + topic,
					"exchange-integration.exchanges.trades.kafka.start=earliest",
					"exchange-integration.exchanges.trades.kafka.properties[max.poll.records]=10",
					"exchange-integration.exchanges.trades.buffer-size=16")
			.run((context) -> {
				BlockingListener listener = context.getBean(BlockingListener.class);
				Recorder recorder = context.getBean(Recorder.class);
				ExchangeErrorEvent paused = recorder.awaitError((event) -> event.getKind() == ErrorKind.OVERFLOW);
				assertThat(paused.getError()).isInstanceOf(ConsumerOverflowException.class)
					.hasMessageContaining("nothing dropped");
				// the consumer is paused: it stopped reading once the buffer was full,
				// with
				// the records of the poll under way at most, not 400 records on
				assertThat(listener.read.get()).isBetween(16, 16 * 2 + 10);
				listener.release.countDown();
				await().atMost(Duration.ofSeconds(30)).until(() -> listener.texts.size() >= 400);
				assertThat(listener.texts).containsExactlyElementsOf(values(0, 400));
				assertThat(context.getBean("trades.exchangeStream", ExchangeStream.class).droppedOutputs()).isEmpty();
			});
	}

	@Test
	void restartReadsAgainFromTheFirstRecordNotHandedOverAndNothingIsLost() {
		String topic = KafkaTestBroker.newTopic("restart", 1);
		KafkaTestBroker.send(topic, records(0, 100));
		ApplicationContextRunner runner = this.contextRunner.withPropertyValues(
				"exchange-integration.exchanges.trades.kafka.topics=" + topic,
				"exchange-integration.exchanges.trades.kafka.group-id=restart-" + topic,
				"exchange-integration.exchanges.trades.kafka.start=committed",
				"exchange-integration.exchanges.trades.kafka.close-timeout=500ms",
				"exchange-integration.exchanges.trades.kafka.properties[max.poll.records]=1",
				"exchange-integration.shutdown-timeout=500ms");
		List<Long> first = new ArrayList<>();
		runner.withBean(StuckListener.class).run((context) -> {
			StuckListener listener = context.getBean(StuckListener.class);
			// handles 0 to 49, then is stuck in 50 until shutdown interrupts it
			assertThat(listener.stuck.await(30, TimeUnit.SECONDS)).isTrue();
			first.addAll(listener.handled);
		});
		assertThat(first).containsExactlyElementsOf(LongStream.range(0, 50).boxed().toList());
		KafkaTestBroker.send(topic, records(100, 120));
		runner.withBean(OffsetListener.class).run((context) -> {
			OffsetListener listener = context.getBean(OffsetListener.class);
			await().atMost(Duration.ofSeconds(30)).until(() -> listener.offsets.size() >= 70);
			// read again from the record the stuck listener never handled: no gap
			assertThat(listener.offsets).containsExactlyElementsOf(LongStream.range(50, 120).boxed().toList());
		});
	}

	@Test
	void streamIsLiveOncePartitionsAreAssigned() {
		String topic = KafkaTestBroker.newTopic("live", 1);
		this.contextRunner.withPropertyValues("exchange-integration.exchanges.trades.kafka.topics=" + topic)
			.run((context) -> {
				ExchangeStream<?> stream = context.getBean("trades.exchangeStream", ExchangeStream.class);
				await().atMost(Duration.ofSeconds(30)).until(() -> stream.state() == ConnectionState.LIVE);
				assertThat(context.getBean(Recorder.class).transitions()).containsExactly("NEW->CONNECTING",
						"CONNECTING->LIVE");
			});
	}

	private static String[] record(String key, String value) {
		return new String[] { key, value };
	}

	private static String[][] records(int from, int to) {
		return IntStream.range(from, to).mapToObj((i) -> record(null, "v" + i)).toArray(String[][]::new);
	}

	private static List<String> values(int from, int to) {
		return IntStream.range(from, to).mapToObj((i) -> "v" + i).toList();
	}

	static class JsonListener {

		final List<Integer> values = new CopyOnWriteArrayList<>();

		@ExchangeListener("trades")
		void onValue(JsonNode node) {
			this.values.add(node.get("n").asInt());
		}

	}

	static class TextListener {

		final List<String> texts = new CopyOnWriteArrayList<>();

		@ExchangeListener("trades")
		void onText(String text) {
			this.texts.add(text);
		}

	}

	static class BlockingListener {

		final CountDownLatch release = new CountDownLatch(1);

		final List<String> texts = new CopyOnWriteArrayList<>();

		final AtomicInteger read = new AtomicInteger();

		@ExchangeListener(value = "trades", id = "read", direct = true)
		void onRead(String text) {
			this.read.incrementAndGet();
		}

		@ExchangeListener(value = "trades", id = "blocking")
		void onText(String text) throws InterruptedException {
			this.release.await();
			this.texts.add(text);
		}

	}

	static class StuckListener {

		final CountDownLatch stuck = new CountDownLatch(1);

		final List<Long> handled = new CopyOnWriteArrayList<>();

		@ExchangeListener("trades")
		void onText(String text, @Header(KafkaHeaders.OFFSET) long offset) throws InterruptedException {
			if (offset == 50) {
				this.stuck.countDown();
				new CountDownLatch(1).await();
			}
			this.handled.add(offset);
		}

	}

	static class OffsetListener {

		final List<Long> offsets = new CopyOnWriteArrayList<>();

		@ExchangeListener("trades")
		void onText(String text, @Header(KafkaHeaders.OFFSET) long offset) {
			this.offsets.add(offset);
		}

	}

}
