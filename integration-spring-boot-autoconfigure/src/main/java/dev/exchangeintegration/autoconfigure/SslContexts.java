package dev.exchangeintegration.autoconfigure;

import java.util.Arrays;

import javax.net.ssl.SSLException;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslManagerBundle;
import org.springframework.boot.ssl.SslOptions;

/**
 * Builds Netty client {@link SslContext SslContexts} from Spring Boot SSL bundles.
 */
public final class SslContexts {

	private SslContexts() {
	}

	static SslContext forBundle(@Nullable SslBundles sslBundles, String bundleName, String property) {
		SslBundle bundle;
		try {
			if (sslBundles == null) {
				throw new NoSuchSslBundleException(bundleName, "No SslBundles bean is available");
			}
			bundle = sslBundles.getBundle(bundleName);
		}
		catch (NoSuchSslBundleException ex) {
			throw new InvalidExchangeConfigurationException(property, "SSL bundle '" + bundleName + "' does not exist.",
					"Define it under spring.ssl.bundle.pem." + bundleName + " or spring.ssl.bundle.jks." + bundleName
							+ ", or fix " + property + ".",
					ex);
		}
		try {
			return forClient(bundle);
		}
		catch (SSLException ex) {
			throw new InvalidExchangeConfigurationException(property,
					"SSL bundle '" + bundleName + "' cannot be used: " + ex.getMessage(),
					"Check the bundle's certificates and keys.", ex);
		}
	}

	/**
	 * Build the client context of a bundle: its key and trust managers, ciphers and
	 * protocols.
	 * @param bundle the bundle
	 * @return the context
	 * @throws SSLException if the bundle's material cannot be used
	 */
	public static SslContext forClient(SslBundle bundle) throws SSLException {
		SslManagerBundle managers = bundle.getManagers();
		SslOptions options = bundle.getOptions();
		SslContextBuilder builder = SslContextBuilder.forClient()
			.keyManager(managers.getKeyManagerFactory())
			.trustManager(managers.getTrustManagerFactory());
		if (options.getCiphers() != null) {
			builder.ciphers(Arrays.asList(options.getCiphers()));
		}
		if (options.getEnabledProtocols() != null) {
			builder.protocols(options.getEnabledProtocols());
		}
		return builder.build();
	}

}
