package dev.exchangeintegration.sample.replay;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * Configuration properties of the embedded {@link ReplayExchange}.
 */
@ConfigurationProperties("sample.replay")
public class ReplayExchangeProperties {

	/**
	 * Whether to start the embedded replay exchange. Defaults to true.
	 */
	private boolean enabled = true;

	/**
	 * Port to listen on, on 127.0.0.1, or 0 for an ephemeral port. Defaults to 9477.
	 */
	private int port = 9477;

	/**
	 * Replay speed factor: 1 replays in real time, 50 fifty times faster. Defaults to 1.
	 */
	private double speed = 1.0;

	/**
	 * Capture to replay. Defaults to classpath:replay/binance-futures-2021-07-22.capture.
	 */
	private Resource capture = new ClassPathResource("replay/binance-futures-2021-07-22.capture");

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getPort() {
		return this.port;
	}

	public void setPort(int port) {
		this.port = port;
	}

	public double getSpeed() {
		return this.speed;
	}

	public void setSpeed(double speed) {
		this.speed = speed;
	}

	public Resource getCapture() {
		return this.capture;
	}

	public void setCapture(Resource capture) {
		this.capture = capture;
	}

}
