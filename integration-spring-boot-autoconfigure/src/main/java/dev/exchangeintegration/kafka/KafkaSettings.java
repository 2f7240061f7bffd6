package dev.exchangeintegration.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the {@code kafka} protocol, bound from
 * {@code exchange-integration.exchanges.NAME.kafka.*} with
 * {@code exchange-integration.defaults.kafka.*} merged in. The consumer itself is
 * configured by Spring Boot's {@code spring.kafka.*} properties.
 */
@ConfigurationProperties("exchange-integration.defaults.kafka")
public class KafkaSettings {

	/**
	 * Topics to read. Exclusive with topic-pattern.
	 */
	private List<String> topics = new ArrayList<>();

	/**
	 * Regular expression of the topics to read. Exclusive with topics.
	 */
	private @Nullable String topicPattern;

	/**
	 * Consumer group. Defaults to spring.kafka.consumer.group-id, or to the exchange's
	 * name.
	 */
	private @Nullable String groupId;

	/**
	 * Where to start reading a partition the first time it is assigned: earliest, latest
	 * or committed.
	 */
	private KafkaStart start = KafkaStart.LATEST;

	/**
	 * Longest time a poll of the consumer waits for records.
	 */
	private Duration pollTimeout = Duration.ofMillis(500);

	/**
	 * Time without a connection to any broker after which the connection is replaced.
	 */
	private Duration unreachableTimeout = Duration.ofSeconds(10);

	/**
	 * Time to wait on close for the outputs of the records read to be handed over, so
	 * that their offsets are committed.
	 */
	private Duration closeTimeout = Duration.ofSeconds(5);

	/**
	 * Consumer properties, merged over those of spring.kafka.consumer.*.
	 */
	private Map<String, String> properties = new LinkedHashMap<>();

	public List<String> getTopics() {
		return this.topics;
	}

	public void setTopics(List<String> topics) {
		this.topics = topics;
	}

	public @Nullable String getTopicPattern() {
		return this.topicPattern;
	}

	public void setTopicPattern(@Nullable String topicPattern) {
		this.topicPattern = topicPattern;
	}

	public @Nullable String getGroupId() {
		return this.groupId;
	}

	public void setGroupId(@Nullable String groupId) {
		this.groupId = groupId;
	}

	public KafkaStart getStart() {
		return this.start;
	}

	public void setStart(KafkaStart start) {
		this.start = start;
	}

	public Duration getPollTimeout() {
		return this.pollTimeout;
	}

	public void setPollTimeout(Duration pollTimeout) {
		this.pollTimeout = pollTimeout;
	}

	public Duration getUnreachableTimeout() {
		return this.unreachableTimeout;
	}

	public void setUnreachableTimeout(Duration unreachableTimeout) {
		this.unreachableTimeout = unreachableTimeout;
	}

	public Duration getCloseTimeout() {
		return this.closeTimeout;
	}

	public void setCloseTimeout(Duration closeTimeout) {
		this.closeTimeout = closeTimeout;
	}

	public Map<String, String> getProperties() {
		return this.properties;
	}

	public void setProperties(Map<String, String> properties) {
		this.properties = properties;
	}

}
