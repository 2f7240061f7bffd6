package dev.exchangeintegration.replay;

import dev.exchangeintegration.websocket.WebSocketSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the {@code replay} protocol: the {@link #getReplay() replay.*} keys, and
 * the exchange's WebSocket keys it reads too ({@code subscriptions} and
 * {@code subscription-ack.*}), so that switching a WebSocket exchange to
 * {@code protocol: replay} keeps its subscriptions and their acknowledgements. Its
 * {@code url} and {@code heartbeat.*} are ignored.
 */
public class ReplaySettings extends WebSocketSettings {

	private final Replay replay = new Replay();

	/**
	 * Return the replay's own settings,
	 * {@code exchange-integration.exchanges.NAME.replay.*}.
	 * @return the replay settings
	 */
	public Replay getReplay() {
		return this.replay;
	}

	/**
	 * The replay's own settings.
	 */
	@ConfigurationProperties("exchange-integration.defaults.replay")
	public static class Replay {

		/**
		 * Capture to replay: a file (this library's format or cryptofeed's, possibly
		 * gzipped), or a class path resource as classpath:NAME.
		 */
		private @Nullable String path;

		/**
		 * Replay speed: 1.0 replays at the recorded pace, 2.0 twice as fast, 0 as fast as
		 * possible.
		 */
		private double speed;

		/**
		 * Whether to start again from the first frame at the end of the capture, instead
		 * of completing the stream.
		 */
		private boolean loop;

		public @Nullable String getPath() {
			return this.path;
		}

		public void setPath(@Nullable String path) {
			this.path = path;
		}

		public double getSpeed() {
			return this.speed;
		}

		public void setSpeed(double speed) {
			this.speed = speed;
		}

		public boolean isLoop() {
			return this.loop;
		}

		public void setLoop(boolean loop) {
			this.loop = loop;
		}

	}

}
