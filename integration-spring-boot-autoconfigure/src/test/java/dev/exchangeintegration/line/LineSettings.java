package dev.exchangeintegration.line;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the test-only {@code line} protocol, under
 * {@code exchange-integration.exchanges.NAME.line}. Annotated only so that the
 * configuration processor documents the {@code exchange-integration.defaults.line.*}
 * keys.
 */
@ConfigurationProperties("exchange-integration.defaults.line")
public class LineSettings {

	/**
	 * Host name of the line server. Required.
	 */
	private @Nullable String host;

	/**
	 * TCP port of the line server, between 1 and 65535. Required.
	 */
	private int port;

	/**
	 * Longest line accepted, in bytes. 1024 by default.
	 */
	private int maxLineLength = 1024;

	/**
	 * Line sent as each connection opens, such as a login. None by default.
	 */
	private @Nullable String login;

	public @Nullable String getHost() {
		return this.host;
	}

	public void setHost(@Nullable String host) {
		this.host = host;
	}

	public int getPort() {
		return this.port;
	}

	public void setPort(int port) {
		this.port = port;
	}

	public int getMaxLineLength() {
		return this.maxLineLength;
	}

	public void setMaxLineLength(int maxLineLength) {
		this.maxLineLength = maxLineLength;
	}

	public @Nullable String getLogin() {
		return this.login;
	}

	public void setLogin(@Nullable String login) {
		this.login = login;
	}

}
