package dev.exchangeintegration.replay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.exchangeintegration.autoconfigure.ExchangeSettingsContext;
import dev.exchangeintegration.autoconfigure.transport.ExchangeTransportFactory;
import dev.exchangeintegration.core.DefaultExchangeStream;
import dev.exchangeintegration.core.ReconnectSpec;
import dev.exchangeintegration.core.SubscriptionAckSpec;
import dev.exchangeintegration.core.Transport;
import dev.exchangeintegration.websocket.WebSocketStreamSpecs;
import org.jspecify.annotations.Nullable;

/**
 * The {@code replay} protocol: {@link ReplayTransport replays} of a capture, configured
 * by {@code replay.path}, {@code replay.speed} and {@code replay.loop}, with the
 * exchange's {@code subscriptions} and {@code subscription-ack.*} applied as for a
 * WebSocket. A replay never reconnects, which would deliver its frames again: a capture
 * that cannot be read, or a rejected subscription, ends the stream.
 */
public class ReplayTransportFactory implements ExchangeTransportFactory<ReplaySettings> {

	private static final String CLASSPATH_PREFIX = "classpath:";

	private final ClassLoader classLoader;

	/**
	 * Create a new factory.
	 * @param classLoader the class loader that {@code classpath:} captures are read with
	 */
	public ReplayTransportFactory(@Nullable ClassLoader classLoader) {
		this.classLoader = (classLoader != null) ? classLoader : ReplayTransportFactory.class.getClassLoader();
	}

	@Override
	public String protocol() {
		return "replay";
	}

	@Override
	public String settingsGroup() {
		return "";
	}

	@Override
	public ReplaySettings createSettings() {
		return new ReplaySettings();
	}

	@Override
	public TransportDefinition define(ReplaySettings settings, ExchangeSettingsContext context) {
		ReplaySettings.Replay replay = settings.getReplay();
		CaptureSource source = source(replay.getPath(), context);
		double speed = replay.getSpeed();
		if (!(speed >= 0) || Double.isInfinite(speed)) {
			throw context.invalid("replay.speed", speed,
					"Exchange '" + context.exchange() + "' has replay.speed " + speed + ".",
					"Set " + context.property("replay.speed")
							+ " to 1.0 for the recorded pace, 2.0 for twice as fast, or 0 for as fast as possible.");
		}
		SubscriptionAckSpec ack = WebSocketStreamSpecs.subscriptionAck(settings, context);
		List<String> subscriptions = List.copyOf(settings.getSubscriptions());
		boolean loop = replay.isLoop();
		String exchange = context.exchange();
		return new TransportDefinition() {

			@Override
			public Transport createTransport() {
				return new ReplayTransport(exchange, source, speed, loop);
			}

			@Override
			public void configure(DefaultExchangeStream.Builder<?, ?> stream) {
				// reconnecting would replay the capture from its start again, and deliver
				// its
				// frames twice
				stream.subscriptions(subscriptions).subscriptionAck(ack).reconnect(ReconnectSpec.DISABLED);
			}

			@Override
			public String endpoint() {
				return "replay of " + source.name();
			}

		};
	}

	private CaptureSource source(@Nullable String path, ExchangeSettingsContext context) {
		String exchange = context.exchange();
		if (path == null || path.isBlank()) {
			throw context.invalid("replay.path", path, "Exchange '" + exchange + "' replays a capture but names none.",
					"Set " + context.property("replay.path") + " to a capture file, or to classpath:NAME.");
		}
		if (path.startsWith(CLASSPATH_PREFIX)) {
			String resource = path.substring(CLASSPATH_PREFIX.length()).replaceFirst("^/", "");
			if (this.classLoader.getResource(resource) == null) {
				throw context.invalid("replay.path", path,
						"Exchange '" + exchange + "' replays " + path + ", which does not exist.",
						"Set " + context.property("replay.path") + " to an existing class path resource.");
			}
			return CaptureSource.classpath(resource, this.classLoader);
		}
		Path file = Path.of(path);
		if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
			throw context.invalid("replay.path", path,
					"Exchange '" + exchange + "' replays " + file.toAbsolutePath() + ", which is not a readable file.",
					"Set " + context.property("replay.path") + " to a capture file.");
		}
		return CaptureSource.of(file);
	}

}
