package dev.exchangeintegration.record;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import dev.exchangeintegration.autoconfigure.ExchangeSettingsContext;
import dev.exchangeintegration.autoconfigure.transport.ExchangeTransportDecorator;
import dev.exchangeintegration.autoconfigure.transport.ExchangeTransportFactory.TransportDefinition;
import dev.exchangeintegration.core.DefaultExchangeStream;
import dev.exchangeintegration.core.ExchangeStreamObserver;
import dev.exchangeintegration.core.Transport;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.util.unit.DataSize;

/**
 * Records the traffic of every exchange with a {@code record.path} (and
 * {@code record.enabled} not {@code false}), whatever its protocol, to capture files in
 * this library's format. Exchanges without one are left as they are, so their frames pay
 * nothing. The recorders are flushed and closed when the application context closes,
 * after the streams have stopped.
 */
public class RecordingTransportDecorator implements ExchangeTransportDecorator<RecordSettings>, DisposableBean {

	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

	private final Supplier<ExchangeStreamObserver> observer;

	private final List<FrameRecorder> recorders = new CopyOnWriteArrayList<>();

	/**
	 * Create a new decorator.
	 * @param observer supplies the observer that recording errors are reported to
	 */
	public RecordingTransportDecorator(Supplier<ExchangeStreamObserver> observer) {
		this.observer = observer;
	}

	@Override
	public String settingsGroup() {
		return "record";
	}

	@Override
	public RecordSettings createSettings() {
		return new RecordSettings();
	}

	@Override
	public TransportDefinition decorate(TransportDefinition definition, RecordSettings settings,
			ExchangeSettingsContext context) {
		Path path = settings.getPath();
		boolean enabled = (settings.getEnabled() != null) ? settings.getEnabled() : path != null;
		if (!enabled) {
			return definition;
		}
		String exchange = context.exchange();
		if (path == null) {
			throw context.invalid("path", null, "Exchange '" + exchange + "' records its traffic but has no path.",
					"Set " + context.property("path") + " to a file or a directory.");
		}
		long rotateSize = rotateSize(settings.getRotateSize(), context);
		Duration rotateInterval = settings.getRotateInterval();
		if (rotateInterval != null) {
			context.requirePositive("rotate-interval", rotateInterval);
		}
		if (settings.getQueueSize() < 1) {
			throw context.misconfigured("queue-size", settings.getQueueSize(), "is " + settings.getQueueSize(),
					"Set it to 1 or more, for example 65536.");
		}
		boolean directory = Files.isDirectory(path) || path.toString().endsWith("/")
				|| path.toString().endsWith(path.getFileSystem().getSeparator());
		CaptureFiles files = new CaptureFiles(exchange, path, directory, rotateSize > 0 || rotateInterval != null,
				settings.isGzip());
		int queueSize = settings.getQueueSize();
		return new TransportDefinition() {

			@Override
			public Transport createTransport() {
				FrameRecorder recorder = new FrameRecorder(exchange, files, rotateSize, rotateInterval, queueSize,
						RecordingTransportDecorator.this.observer.get());
				RecordingTransportDecorator.this.recorders.add(recorder);
				return new RecordingTransport(definition.createTransport(), recorder);
			}

			@Override
			public void configure(DefaultExchangeStream.Builder<?, ?> stream) {
				definition.configure(stream);
			}

			@Override
			public @Nullable String endpoint() {
				return definition.endpoint();
			}

			@Override
			public @Nullable String parser() {
				return definition.parser();
			}

		};
	}

	private static long rotateSize(DataSize size, ExchangeSettingsContext context) {
		if (size == null) {
			return 0;
		}
		if (size.toBytes() < 1) {
			throw context.misconfigured("rotate-size", size, "is " + size, "Set a positive size, for example 100MB.");
		}
		return size.toBytes();
	}

	/**
	 * Return the recorders created so far, one per recorded exchange.
	 * @return the recorders
	 */
	public List<FrameRecorder> recorders() {
		return List.copyOf(this.recorders);
	}

	@Override
	public void destroy() {
		for (FrameRecorder recorder : this.recorders) {
			recorder.close(CLOSE_TIMEOUT);
		}
	}

}
