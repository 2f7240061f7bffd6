package dev.exchangeintegration.line;

import java.util.List;

import dev.exchangeintegration.autoconfigure.ExchangeSettingsContext;
import dev.exchangeintegration.autoconfigure.transport.ExchangeTransportFactory;
import dev.exchangeintegration.core.DefaultExchangeStream;
import dev.exchangeintegration.core.Transport;
import org.springframework.util.StringUtils;

/**
 * The test-only {@code line} protocol: a transport declared in test code alone, with no
 * change to the library.
 */
public class LineTransportFactory implements ExchangeTransportFactory<LineSettings> {

	@Override
	public String protocol() {
		return "line";
	}

	@Override
	public LineSettings createSettings() {
		return new LineSettings();
	}

	@Override
	public TransportDefinition define(LineSettings settings, ExchangeSettingsContext context) {
		String host = settings.getHost();
		if (!StringUtils.hasText(host)) {
			throw context.invalid("host", host, "Exchange '" + context.exchange() + "' has no line host.",
					"Set " + context.property("host") + " to the host name of the line server.");
		}
		if (settings.getPort() < 1 || settings.getPort() > 65535) {
			throw context.invalid("port", settings.getPort(),
					"Exchange '" + context.exchange() + "' has line port " + settings.getPort() + ".",
					"Set " + context.property("port") + " between 1 and 65535.");
		}
		if (settings.getMaxLineLength() < 1) {
			throw context.misconfigured("max-line-length", settings.getMaxLineLength(),
					"is " + settings.getMaxLineLength(), "Set it to a positive number of bytes.");
		}
		int port = settings.getPort();
		int maxLineLength = settings.getMaxLineLength();
		String login = settings.getLogin();
		return new TransportDefinition() {

			@Override
			public Transport createTransport() {
				return new LineTransport(host, port, maxLineLength);
			}

			@Override
			public void configure(DefaultExchangeStream.Builder<?, ?> stream) {
				if (login != null) {
					stream.subscriptions(List.of(login));
				}
			}

			@Override
			public String endpoint() {
				return host + ":" + port;
			}

		};
	}

}
