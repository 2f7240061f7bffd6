package dev.exchangeintegration.record;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.core.ExchangeError;
import dev.exchangeintegration.core.ExchangeStreamObserver;
import dev.exchangeintegration.core.Frame;
import dev.exchangeintegration.core.FrameType;
import dev.exchangeintegration.replay.CaptureWriter;
import org.jspecify.annotations.Nullable;

/**
 * Records the frames of one exchange. The transport's threads only copy each payload and
 * offer it to a bounded queue, never waiting; a writer thread of its own
 * ({@code exchange-record-NAME}) writes the queue to capture files, flushing whenever it
 * has caught up, and starting new files as they reach their size or age.
 * <p>
 * A frame that finds the queue full is not recorded. Neither are the frames that arrive
 * while the file cannot be written (a full disk, no permission): the recorder tries again
 * with a new file a second later. Frames left out are counted, and reported as
 * {@link ErrorKind#RECORDING} errors at the 1st, 2nd, 4th, 8th... of them, as is every
 * failure to write. The stream goes on regardless. {@link #close(Duration)} writes what
 * is queued and closes the file.
 */
public final class FrameRecorder {

	private static final long RETRY_NANOS = Duration.ofSeconds(1).toNanos();

	private static final long POLL_MILLIS = 100;

	private final String exchange;

	private final CaptureFiles files;

	private final long rotateSize;

	private final @Nullable Duration rotateInterval;

	private final ExchangeStreamObserver observer;

	private final BlockingQueue<Entry> queue;

	private final AtomicLong unrecorded = new AtomicLong();

	private final AtomicLong recorded = new AtomicLong();

	private final Thread writer;

	private volatile boolean closing;

	private @Nullable CaptureWriter capture;

	private @Nullable Path file;

	private long fileStartedNanos;

	private long failedAtNanos;

	private boolean failed;

	private boolean dirty;

	FrameRecorder(String exchange, CaptureFiles files, long rotateSize, @Nullable Duration rotateInterval,
			int queueSize, ExchangeStreamObserver observer) {
		this.exchange = exchange;
		this.files = files;
		this.rotateSize = rotateSize;
		this.rotateInterval = rotateInterval;
		this.observer = observer;
		this.queue = new ArrayBlockingQueue<>(queueSize);
		this.writer = new Thread(this::write, "exchange-record-" + exchange);
		this.writer.setDaemon(true);
		this.writer.start();
	}

	/**
	 * Record a frame received, on the transport's thread.
	 * @param frame the frame, valid during the call
	 */
	void received(Frame frame) {
		if (this.queue.remainingCapacity() == 0) {
			leftOut(1);
			return;
		}
		int offset = frame.arrayOffset();
		byte[] payload = Arrays.copyOfRange(frame.array(), offset, offset + frame.length());
		offer(new Entry(epochMicros(), false, frame.type(), payload));
	}

	/**
	 * Record a message sent, on the sending thread.
	 * @param message a {@code String} (a text frame), a {@code byte[]} (a binary frame),
	 * or any other message, recorded as the text of its {@code toString()}
	 * @param epochMicros when it was sent
	 */
	void sent(Object message, long epochMicros) {
		Entry entry = (message instanceof byte[] bytes) ? new Entry(epochMicros, true, FrameType.BINARY, bytes.clone())
				: new Entry(epochMicros, true, FrameType.TEXT, message.toString().getBytes(StandardCharsets.UTF_8));
		offer(entry);
	}

	/**
	 * Return the number of frames left out of the recording so far.
	 * @return the number of frames not recorded
	 */
	public long unrecorded() {
		return this.unrecorded.get();
	}

	/**
	 * Return the number of frames written so far.
	 * @return the number of frames recorded
	 */
	public long recorded() {
		return this.recorded.get();
	}

	/**
	 * Write what is queued, close the file and stop the writer.
	 * @param timeout how long to wait at most for the writer to finish
	 */
	public void close(Duration timeout) {
		// not interrupted: an interrupt would close a file channel in the middle of a
		// write
		this.closing = true;
		try {
			this.writer.join(Math.max(1, timeout.toMillis()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static long epochMicros() {
		Instant now = Instant.now();
		return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
	}

	private void offer(Entry entry) {
		if (this.closing || !this.queue.offer(entry)) {
			leftOut(1);
		}
	}

	private void leftOut(long frames) {
		long before = this.unrecorded.getAndAdd(frames);
		long after = before + frames;
		// report at the 1st, 2nd, 4th, 8th... frame left out
		if (Long.highestOneBit(after) > before) {
			this.observer
				.onError(new ExchangeError(
						this.exchange, ErrorKind.RECORDING, new RecordingException("Exchange '" + this.exchange
								+ "' left " + after + " frame(s) out of its recording so far: " + reason(), after),
						null));
		}
	}

	private String reason() {
		return this.failed ? "the capture file cannot be written" : "the recorder fell behind";
	}

	private void write() {
		try {
			while (!this.closing || !this.queue.isEmpty()) {
				Entry entry;
				try {
					entry = this.closing ? this.queue.poll() : this.queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
				}
				catch (InterruptedException ex) {
					continue;
				}
				if (entry == null) {
					flush();
					rotateIfDue(0);
					continue;
				}
				write(entry);
				if (this.queue.isEmpty()) {
					flush();
				}
			}
		}
		finally {
			closeFile();
		}
	}

	private void write(Entry entry) {
		rotateIfDue(entry.payload.length);
		CaptureWriter capture = open();
		if (capture == null) {
			leftOut(1);
			return;
		}
		try {
			capture.write(entry.epochMicros, entry.sent, entry.type, entry.payload, 0, entry.payload.length);
			this.dirty = true;
			this.recorded.incrementAndGet();
		}
		catch (IOException ex) {
			fail("could not write to", ex);
			leftOut(1);
		}
	}

	private void flush() {
		CaptureWriter capture = this.capture;
		if (capture != null && this.dirty) {
			try {
				capture.flush();
				this.dirty = false;
			}
			catch (IOException ex) {
				fail("could not write to", ex);
			}
		}
	}

	private void rotateIfDue(int nextPayload) {
		CaptureWriter capture = this.capture;
		if (capture == null) {
			return;
		}
		boolean full = this.rotateSize > 0 && capture.size() > 0 && capture.size() + nextPayload > this.rotateSize
				&& nextPayload > 0;
		boolean old = this.rotateInterval != null
				&& System.nanoTime() - this.fileStartedNanos >= this.rotateInterval.toNanos();
		if (full || old) {
			closeFile();
		}
	}

	private @Nullable CaptureWriter open() {
		if (this.capture != null) {
			return this.capture;
		}
		if (this.failed && System.nanoTime() - this.failedAtNanos < RETRY_NANOS) {
			return null;
		}
		Path next = this.files.next(Instant.now());
		try {
			if (next.getParent() != null) {
				Files.createDirectories(next.getParent());
			}
			boolean append = Files.exists(next) && Files.size(next) > 0;
			OutputStream out = new BufferedOutputStream(new FileOutputStream(next.toFile(), true), 64 * 1024);
			if (this.files.gzip()) {
				out = new GZIPOutputStream(out, 64 * 1024);
			}
			this.capture = append ? CaptureWriter.append(out) : CaptureWriter.create(out, this.exchange);
			this.file = next;
			this.fileStartedNanos = System.nanoTime();
			this.failed = false;
			return this.capture;
		}
		catch (IOException | RuntimeException ex) {
			this.file = next;
			fail("could not open", ex);
			return null;
		}
	}

	private void fail(String what, Exception ex) {
		this.observer.onError(new ExchangeError(this.exchange, ErrorKind.RECORDING,
				new RecordingException(
						"Exchange '" + this.exchange + "' " + what + " its capture file " + this.file
								+ "; frames are left out of the recording until it can be written again",
						this.unrecorded.get(), ex),
				null));
		this.failed = true;
		this.failedAtNanos = System.nanoTime();
		CaptureWriter capture = this.capture;
		this.capture = null;
		if (capture != null) {
			try {
				capture.close();
			}
			catch (IOException closing) {
				// already reported
			}
		}
	}

	private void closeFile() {
		CaptureWriter capture = this.capture;
		if (capture == null) {
			return;
		}
		this.capture = null;
		try {
			capture.close();
			this.dirty = false;
		}
		catch (IOException ex) {
			this.capture = capture;
			fail("could not close", ex);
		}
	}

	private record Entry(long epochMicros, boolean sent, FrameType type, byte[] payload) {
	}

}
