package dev.exchangeintegration.rest.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.exchangeintegration.rest.ApiErrorParser;
import dev.exchangeintegration.rest.ApiErrorParsers;
import dev.exchangeintegration.rest.RateLimitSpec;
import dev.exchangeintegration.rest.RequestSigner;
import dev.exchangeintegration.rest.RestClientSpec;
import dev.exchangeintegration.rest.RestCredentials;
import dev.exchangeintegration.rest.RestRetrySpec;
import dev.exchangeintegration.rest.Signers;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

/**
 * Turns the settings of a REST client into its {@link RestClientSpec}: the one place
 * where they are checked. A mistake fails with Spring Boot's
 * {@link InvalidConfigurationPropertyValueException}, naming the property and saying how
 * to fix it, so that Boot's failure analysis reports it at startup.
 * <p>
 * Never report a credential property that is set: Boot's failure analysis prints the
 * value of the property it is given.
 */
final class RestClientSpecMapper {

	private static final Set<String> BUILT_IN_SIGNERS = Set.of("binance", "kraken", "okx", "bybit", "hmac");

	private final ListableBeanFactory beanFactory;

	private final ObjectProvider<SslBundles> sslBundles;

	RestClientSpecMapper(ListableBeanFactory beanFactory, ObjectProvider<SslBundles> sslBundles) {
		this.beanFactory = beanFactory;
		this.sslBundles = sslBundles;
	}

	RestClientSpec spec(String name, RestClientProperties properties) {
		Property property = new Property(name);
		RestClientSpec.Builder spec = RestClientSpec.builder(name, baseUrl(property, properties.getBaseUrl()))
			.timeout(positive(property, "timeout", properties.getTimeout()))
			.bodyEncoding(properties.getBodyEncoding())
			.signer(signer(property, properties),
					new RestCredentials(properties.getApiKey(), properties.getSecret(), properties.getPassphrase()))
			.errorParser(errorParser(property, properties))
			.rateLimitMaxWait(positive(property, "rate-limit-max-wait", properties.getRateLimitMaxWait()))
			.retry(retry(property, properties.getRetry()))
			.defaultHeaders(properties.getDefaultHeaders());
		List<RateLimitSpec> limits = new ArrayList<>();
		for (int i = 0; i < properties.getRateLimits().size(); i++) {
			limits.add(rateLimit(property, i, properties.getRateLimits().get(i)));
		}
		return spec.rateLimits(limits).build();
	}

	/**
	 * Return the SSL bundle a client trusts and presents, or {@code null} when it names
	 * none.
	 */
	@Nullable SslBundle sslBundle(String name, RestClientProperties properties) {
		String bundle = properties.getSsl().getBundle();
		if (bundle == null) {
			return null;
		}
		Property property = new Property(name);
		SslBundles sslBundles = this.sslBundles.getIfAvailable();
		try {
			if (sslBundles == null) {
				throw new NoSuchSslBundleException(bundle, "No SslBundles bean is available");
			}
			return sslBundles.getBundle(bundle);
		}
		catch (NoSuchSslBundleException ex) {
			throw property.invalid("ssl.bundle", bundle, "names SSL bundle '" + bundle + "', which does not exist",
					"Define it under spring.ssl.bundle.pem." + bundle + " or spring.ssl.bundle.jks." + bundle
							+ ", or fix " + property.name("ssl.bundle") + ".");
		}
	}

	private static URI baseUrl(Property property, @Nullable URI baseUrl) {
		String action = "Set it to the exchange's REST endpoint, for example https://api.binance.com.";
		if (baseUrl == null) {
			throw property.invalid("base-url", null, "is not set", action);
		}
		String scheme = baseUrl.getScheme();
		if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || baseUrl.getHost() == null) {
			throw property.invalid("base-url", baseUrl,
					"'" + baseUrl + "' is not an http:// or https:// URL with a host", action);
		}
		return baseUrl;
	}

	private @Nullable RequestSigner signer(Property property, RestClientProperties properties) {
		String signer = properties.getSigner();
		if (signer == null) {
			return null;
		}
		if (!BUILT_IN_SIGNERS.contains(signer)) {
			if (!hasBean(signer, RequestSigner.class)) {
				throw property.invalid("signer", signer,
						"'" + signer + "' is neither a built-in signer nor a " + "RequestSigner bean",
						"Use one of binance, kraken, okx, bybit, hmac, or the name of a " + "RequestSigner bean.");
			}
			return this.beanFactory.getBean(signer, RequestSigner.class);
		}
		require(property, "api-key", properties.getApiKey(), signer);
		require(property, "secret", properties.getSecret(), signer);
		if (signer.equals("okx")) {
			require(property, "passphrase", properties.getPassphrase(), signer);
		}
		Duration recvWindow = properties.getRecvWindow();
		if (recvWindow != null && recvWindow.toMillis() < 1) {
			throw property.invalid("recv-window", recvWindow, "is " + recvWindow, "Set at least 1ms, for example 5s.");
		}
		return switch (signer) {
			case "binance" -> Signers.binance(recvWindow);
			case "kraken" -> Signers.kraken();
			case "okx" -> Signers.okx();
			case "bybit" -> (recvWindow != null) ? Signers.bybit(recvWindow) : Signers.bybit();
			default -> Signers.hmac(HmacSpecMapper.spec(property, properties.getHmac()));
		};
	}

	private ApiErrorParser errorParser(Property property, RestClientProperties properties) {
		String name = properties.getErrorParser();
		if (name == null) {
			// the signer's exchange, when it is a built-in one
			String signer = properties.getSigner();
			name = (signer != null && ApiErrorParsers.isBuiltIn(signer)) ? signer : "none";
		}
		if (name.equals("none")) {
			return ApiErrorParsers.none();
		}
		if (ApiErrorParsers.isBuiltIn(name)) {
			return ApiErrorParsers.forName(name);
		}
		if (!hasBean(name, ApiErrorParser.class)) {
			throw property.invalid("error-parser", name,
					"'" + name + "' is neither a built-in error parser nor an ApiErrorParser bean",
					"Use one of binance, kraken, okx, bybit, none, or the name of an ApiErrorParser bean.");
		}
		return this.beanFactory.getBean(name, ApiErrorParser.class);
	}

	private static RateLimitSpec rateLimit(Property property, int index, RateLimitProperties limit) {
		String prefix = "rate-limits[" + index + "].";
		if (limit.getLimit() < 1) {
			throw property.invalid(prefix + "limit", limit.getLimit(), "is " + limit.getLimit(),
					"Set a positive capacity per window.");
		}
		positive(property, prefix + "period", limit.getPeriod());
		if (limit.getPeriod().toMillis() < 1) {
			throw property.invalid(prefix + "period", limit.getPeriod(), "is shorter than a millisecond",
					"Set at least 1ms.");
		}
		String limitName = (limit.getName() != null) ? limit.getName() : "limit-" + index;
		return new RateLimitSpec(limitName, limit.getLimit(), limit.getPeriod(), limit.isWeighted(), limit.getMethods(),
				limit.getPaths(), limit.getUsageHeader());
	}

	private static RestRetrySpec retry(Property property, RestClientProperties.Retry retry) {
		if (retry.getMaxAttempts() < 0) {
			throw property.invalid("retry.max-attempts", retry.getMaxAttempts(), "is " + retry.getMaxAttempts(),
					"Set it to 0 or more.");
		}
		positive(property, "retry.initial-backoff", retry.getInitialBackoff());
		if (retry.getMaxBackoff().compareTo(retry.getInitialBackoff()) < 0) {
			throw property.invalid("retry.max-backoff", retry.getMaxBackoff(), "is less than retry.initial-backoff",
					"Set it at least as long as retry.initial-backoff.");
		}
		return new RestRetrySpec(retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMaxBackoff());
	}

	private boolean hasBean(String name, Class<?> type) {
		return this.beanFactory.containsBean(name) && this.beanFactory.isTypeMatch(name, type);
	}

	private static void require(Property property, String name, @Nullable String value, String signer) {
		if (value == null || value.isEmpty()) {
			// the value is never passed on: it is a credential
			throw property.invalid(name, null, "is not set, but the " + signer + " signer needs it",
					"Set it, for example from an environment variable: ${EXCHANGE_API_"
							+ name.toUpperCase(Locale.ROOT).replace('-', '_') + "}.");
		}
	}

	private static Duration positive(Property property, String name, Duration duration) {
		if (duration.isNegative() || duration.isZero()) {
			throw property.invalid(name, duration, "is " + duration, "Set a positive duration, for example 10s.");
		}
		return duration;
	}

	/**
	 * The properties of one client, and the failures that name them.
	 */
	record Property(String client) {

		String name(String property) {
			return "exchange-integration.rest." + this.client + "." + property;
		}

		InvalidConfigurationPropertyValueException invalid(String property, @Nullable Object value, String problem,
				String action) {
			return new InvalidConfigurationPropertyValueException(name(property), value,
					"REST client '" + this.client + "' " + property + " " + problem + ". " + action);
		}

	}

}
