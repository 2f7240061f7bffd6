package dev.exchangeintegration.kafka;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import dev.exchangeintegration.core.CloseStatus;
import dev.exchangeintegration.core.DeliveryCheckpoint;
import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.core.ExchangeError;
import dev.exchangeintegration.core.ExchangeStreamObserver;
import dev.exchangeintegration.core.FrameException;
import dev.exchangeintegration.core.Transport;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * A {@link Transport} that reads Kafka topics: each connection is a consumer of the
 * exchange's group, polled on a thread of its own, and each record a {@link KafkaFrame}.
 * <p>
 * The connection opens once partitions are assigned. Reading pauses and resumes by
 * pausing the consumer's partitions, which keeps it in its group. Offsets are committed
 * only once the outputs of the records read have been handed to every consumer of the
 * stream ({@link DeliveryCheckpoint}): what a restart or a reconnect reads again is what
 * was read but not yet handed over. A record whose key cannot be deserialized is reported
 * as a {@code PARSE} error naming its topic, partition and offset, and skipped. A
 * connection without any broker connection for {@code unreachableTimeout} fails, so that
 * the stream reconnects; the consumer is kept for the next connection, so that it stays
 * in its group.
 */
final class KafkaTransport implements Transport {

	private final String exchange;

	private final Supplier<Consumer<Object, byte[]>> consumers;

	private final Collection<String> topics;

	private final @Nullable Pattern topicPattern;

	private final KafkaStart start;

	private final KafkaSettings settings;

	private final ExchangeStreamObserver observer;

	private final java.util.function.@Nullable Consumer<Object> sender;

	/** Partitions positioned by {@link #start} already, in the life of this transport. */
	private final Set<TopicPartition> positioned = ConcurrentHashMap.newKeySet();

	private @Nullable Session idle;

	KafkaTransport(String exchange, Supplier<Consumer<Object, byte[]>> consumers, KafkaSettings settings,
			ExchangeStreamObserver observer, java.util.function.@Nullable Consumer<Object> sender) {
		this.exchange = exchange;
		this.consumers = consumers;
		this.topics = settings.getTopics();
		this.topicPattern = (settings.getTopicPattern() != null) ? Pattern.compile(settings.getTopicPattern()) : null;
		this.start = settings.getStart();
		this.settings = settings;
		this.observer = observer;
		this.sender = sender;
	}

	@Override
	public Mono<CloseStatus> connect(Handler handler) {
		return Mono.create((sink) -> {
			Connection connection = new Connection(handler, sink);
			Thread thread = new Thread(connection::run, "exchange-kafka-" + this.exchange);
			thread.setDaemon(true);
			sink.onDispose(connection::dispose);
			thread.start();
		});
	}

	/**
	 * Take the consumer a connection that failed left, or create one.
	 */
	private synchronized Session takeSession() {
		Session session = this.idle;
		this.idle = null;
		return (session != null) ? session : new Session(this.consumers.get());
	}

	/**
	 * Keep a consumer for the next connection: it stays in its group, so that the next
	 * connection needs no rebalance, which would wait for the session of a consumer that
	 * left without a word to expire.
	 */
	private synchronized void keep(Session session) {
		this.idle = session;
	}

	/**
	 * Close the consumer kept for a next connection, if any: the stream has stopped.
	 */
	synchronized void closeIdle() {
		Session session = this.idle;
		this.idle = null;
		if (session != null) {
			session.close();
		}
	}

	/**
	 * A consumer, subscribed, with the offsets it has read and not yet committed; it
	 * outlives a connection that fails.
	 */
	private final class Session implements ConsumerRebalanceListener {

		private final Consumer<Object, byte[]> consumer;

		private final ArrayDeque<Pending> pending = new ArrayDeque<>();

		private final Map<TopicPartition, OffsetAndMetadata> read = new HashMap<>();

		private volatile @Nullable Connection connection;

		Session(Consumer<Object, byte[]> consumer) {
			this.consumer = consumer;
			if (KafkaTransport.this.topicPattern != null) {
				consumer.subscribe(KafkaTransport.this.topicPattern, this);
			}
			else {
				consumer.subscribe(KafkaTransport.this.topics, this);
			}
		}

		@Override
		public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
			Map<TopicPartition, OffsetAndMetadata> started = new HashMap<>();
			for (TopicPartition partition : partitions) {
				if (KafkaTransport.this.positioned.add(partition)) {
					switch (KafkaTransport.this.start) {
						case EARLIEST -> this.consumer.seekToBeginning(Set.of(partition));
						case LATEST -> this.consumer.seekToEnd(Set.of(partition));
						case COMMITTED -> {
						}
					}
					started.put(partition, new OffsetAndMetadata(this.consumer.position(partition)));
				}
			}
			// The starting position is committed at once: a partition lost and assigned
			// again (an outage longer than the group's session) before anything read from
			// it was committed would otherwise restart at auto.offset.reset, by default
			// the end, and skip what was written meanwhile.
			commitSync(started);
			Connection connection = this.connection;
			if (connection != null && connection.pauseRequested) {
				this.consumer.pause(partitions);
			}
		}

		@Override
		public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
			Map<TopicPartition, OffsetAndMetadata> offsets = reachedOffsets();
			offsets.keySet().retainAll(partitions);
			commitSync(offsets);
			// what was read from them and not yet handed over is read again by their next
			// owner
			for (Pending pending : this.pending) {
				pending.offsets().keySet().removeAll(partitions);
			}
		}

		Map<TopicPartition, OffsetAndMetadata> reachedOffsets() {
			Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
			while (!this.pending.isEmpty() && this.pending.peek().checkpoint().isReached()) {
				offsets.putAll(this.pending.poll().offsets());
			}
			return offsets;
		}

		void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
			if (offsets.isEmpty()) {
				return;
			}
			for (int attempt = 0; attempt < 3; attempt++) {
				try {
					this.consumer.commitSync(offsets);
					return;
				}
				catch (WakeupException ex) {
					// a wake-up to resume or close: commit all the same
				}
				catch (RuntimeException ex) {
					report(ErrorKind.CONNECTION, ex);
					return;
				}
			}
		}

		void close() {
			try {
				this.consumer.close(Duration.ofSeconds(1));
			}
			catch (RuntimeException ex) {
				// closing: nothing left to report to
			}
		}

	}

	/**
	 * One connection: a session polled on its own thread until the stream closes it or it
	 * fails.
	 */
	private final class Connection implements Transport.Outbound {

		private final Handler handler;

		private final MonoSink<CloseStatus> sink;

		private volatile @Nullable String closeReason;

		private volatile boolean disposed;

		private volatile boolean pauseRequested;

		private volatile @Nullable Session session;

		private boolean open;

		private long unreachableSince = -1;

		Connection(Handler handler, MonoSink<CloseStatus> sink) {
			this.handler = handler;
			this.sink = sink;
		}

		void run() {
			Session session;
			try {
				session = takeSession();
			}
			catch (RuntimeException ex) {
				this.sink.error(ex);
				return;
			}
			session.connection = this;
			this.session = session;
			boolean keep = false;
			try {
				while (this.closeReason == null && !this.disposed) {
					applyPause(session.consumer);
					poll(session);
					commitReached(session);
					checkReachable(session);
				}
				if (this.disposed && this.closeReason == null) {
					keep = true;
					return;
				}
				awaitHandedOver(session);
				this.sink.success(new CloseStatus(0, this.closeReason));
			}
			catch (KafkaUnreachableException ex) {
				// kept before the stream hears of the failure, so that its next
				// connection
				// finds the consumer rather than creating a second member of the group
				keep = true;
				session.connection = null;
				keep(session);
				this.sink.error(ex);
				return;
			}
			catch (RuntimeException ex) {
				this.sink.error(ex);
			}
			finally {
				if (!keep) {
					session.connection = null;
					session.close();
				}
				else if (session.connection == this) {
					session.connection = null;
					keep(session);
				}
			}
		}

		private void poll(Session session) {
			ConsumerRecords<Object, byte[]> records;
			try {
				records = session.consumer.poll(KafkaTransport.this.settings.getPollTimeout());
			}
			catch (WakeupException ex) {
				return;
			}
			catch (RecordDeserializationException ex) {
				skip(session, ex);
				return;
			}
			if (!this.open && !session.consumer.assignment().isEmpty() && connectionCount(session.consumer) > 0) {
				this.open = true;
				this.handler.onOpen(this);
			}
			if (records.isEmpty()) {
				return;
			}
			for (ConsumerRecord<Object, byte[]> record : records) {
				this.handler.onFrame(new KafkaFrame(record));
				session.read.put(new TopicPartition(record.topic(), record.partition()),
						new OffsetAndMetadata(record.offset() + 1));
			}
			this.handler.onReadComplete();
			session.pending.add(new Pending(this.handler.checkpoint(), new HashMap<>(session.read)));
			session.read.clear();
		}

		private void skip(Session session, RecordDeserializationException ex) {
			TopicPartition partition = ex.topicPartition();
			String origin = KafkaFrame.origin(partition.topic(), partition.partition(), ex.offset());
			report(ErrorKind.PARSE, new FrameException(origin, ex));
			session.consumer.seek(partition, ex.offset() + 1);
			// committed with the records that follow it, once they are handed over
			Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
			offsets.put(partition, new OffsetAndMetadata(ex.offset() + 1));
			session.pending.add(new Pending(this.handler.checkpoint(), offsets));
		}

		private void applyPause(Consumer<Object, byte[]> consumer) {
			if (this.pauseRequested) {
				consumer.pause(consumer.assignment());
			}
			else if (!consumer.paused().isEmpty()) {
				consumer.resume(consumer.paused());
			}
		}

		private void commitReached(Session session) {
			Map<TopicPartition, OffsetAndMetadata> offsets = session.reachedOffsets();
			if (!offsets.isEmpty()) {
				session.consumer.commitAsync(offsets, (committed, ex) -> {
					if (ex != null) {
						report(ErrorKind.CONNECTION, ex);
					}
				});
			}
		}

		private void checkReachable(Session session) {
			if (connectionCount(session.consumer) > 0) {
				this.unreachableSince = -1;
				return;
			}
			long now = System.nanoTime();
			if (this.unreachableSince < 0) {
				this.unreachableSince = now;
			}
			else if (this.open
					&& now - this.unreachableSince > KafkaTransport.this.settings.getUnreachableTimeout().toNanos()) {
				throw new KafkaUnreachableException(KafkaTransport.this.exchange,
						KafkaTransport.this.settings.getUnreachableTimeout());
			}
		}

		/**
		 * Wait, at most {@code closeTimeout}, for the outputs of what was read to be
		 * handed over, and commit their offsets; the rest is read again next time.
		 */
		private void awaitHandedOver(Session session) {
			long deadline = System.nanoTime() + KafkaTransport.this.settings.getCloseTimeout().toNanos();
			Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
			while (!session.pending.isEmpty() && System.nanoTime() < deadline) {
				offsets.putAll(session.reachedOffsets());
				if (!session.pending.isEmpty()) {
					try {
						Thread.sleep(5);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						break;
					}
				}
			}
			offsets.putAll(session.reachedOffsets());
			session.commitSync(offsets);
		}

		@Override
		public void send(Object message) {
			java.util.function.Consumer<Object> sender = KafkaTransport.this.sender;
			if (sender == null) {
				throw new IllegalStateException(
						"Exchange '" + KafkaTransport.this.exchange + "' has no KafkaTemplate to send records with");
			}
			sender.accept(message);
		}

		@Override
		public void pauseReading() {
			this.pauseRequested = true;
		}

		@Override
		public void resumeReading() {
			this.pauseRequested = false;
			wakeUp();
		}

		@Override
		public void close(String reason) {
			if (this.closeReason == null) {
				this.closeReason = reason;
			}
			wakeUp();
		}

		/**
		 * The stream has given up on this connection: end the loop, keeping the consumer
		 * for the next one.
		 */
		void dispose() {
			this.disposed = true;
			wakeUp();
		}

		private void wakeUp() {
			Session session = this.session;
			if (session != null) {
				session.consumer.wakeup();
			}
		}

	}

	private void report(ErrorKind kind, Throwable ex) {
		this.observer.onError(new ExchangeError(this.exchange, kind, ex, null));
	}

	private static double connectionCount(Consumer<Object, byte[]> consumer) {
		for (Map.Entry<MetricName, ? extends Metric> metric : consumer.metrics().entrySet()) {
			MetricName name = metric.getKey();
			if (name.name().equals("connection-count") && name.group().equals("consumer-metrics")) {
				return ((Number) metric.getValue().metricValue()).doubleValue();
			}
		}
		return 1;
	}

	/**
	 * The offsets to commit once a checkpoint is reached.
	 */
	private record Pending(DeliveryCheckpoint checkpoint, Map<TopicPartition, OffsetAndMetadata> offsets) {

	}

}
