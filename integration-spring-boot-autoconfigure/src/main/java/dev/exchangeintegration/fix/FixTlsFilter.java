package dev.exchangeintegration.fix;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.regex.Pattern;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.ssl.SslFilter;

/**
 * TLS of a FIX connection: a client engine for the configured host and port, which
 * verifies that the gateway's certificate names that host, and sends it as SNI when it is
 * a name rather than an address.
 */
final class FixTlsFilter extends SslFilter {

	private static final Pattern IP_ADDRESS = Pattern.compile("[0-9.]+|.*:.*");

	private final String host;

	private final int port;

	FixTlsFilter(SSLContext context, String host, int port) {
		super(context, false);
		this.host = host;
		this.port = port;
	}

	@Override
	protected SSLEngine createEngine(IoSession session, InetSocketAddress addr) {
		SSLEngine engine = this.sslContext.createSSLEngine(this.host, this.port);
		engine.setUseClientMode(true);
		SSLParameters parameters = engine.getSSLParameters();
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		if (!IP_ADDRESS.matcher(this.host).matches()) {
			parameters.setServerNames(List.of(new SNIHostName(this.host)));
		}
		engine.setSSLParameters(parameters);
		return engine;
	}

}
