package dev.exchangeintegration.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.exchangeintegration.rest.ApiErrorParser;
import dev.exchangeintegration.rest.ApiErrorParsers;
import dev.exchangeintegration.rest.HmacSignerSpec;
import dev.exchangeintegration.rest.HmacSignerSpec.Part;
import dev.exchangeintegration.rest.HmacSignerSpec.Placement;
import dev.exchangeintegration.rest.RateLimitSpec;
import dev.exchangeintegration.rest.RequestSigner;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Checks the settings of a REST client, failing with an
 * {@link InvalidExchangeConfigurationException} that names the offending property, and
 * turns them into the specs of the {@code rest} package.
 */
final class RestClientValidator {

	private static final Set<String> BUILT_IN_SIGNERS = Set.of("binance", "kraken", "okx", "bybit", "hmac");

	private RestClientValidator() {
	}

	static String property(String name, String property) {
		return ExchangeIntegrationProperties.PREFIX + ".rest." + name + "." + property;
	}

	static void validate(String name, RestClientProperties properties, ListableBeanFactory beanFactory) {
		URI baseUrl = properties.getBaseUrl();
		if (baseUrl == null) {
			throw invalid(name, "base-url", "is not set",
					"Set it to the exchange's REST endpoint, for example " + "https://api.binance.com.");
		}
		String scheme = baseUrl.getScheme();
		if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || baseUrl.getHost() == null) {
			throw invalid(name, "base-url", "'" + baseUrl + "' is not an http:// or https:// URL with a host",
					"Set it to the exchange's REST endpoint, for example https://api.binance.com.");
		}
		positive(name, "timeout", properties.getTimeout());
		positive(name, "rate-limit-max-wait", properties.getRateLimitMaxWait());
		String signer = properties.getSigner();
		if (signer != null) {
			if (!BUILT_IN_SIGNERS.contains(signer) && !hasBean(beanFactory, signer, RequestSigner.class)) {
				throw invalid(name, "signer", "'" + signer + "' is neither a built-in signer nor a RequestSigner bean",
						"Use one of binance, kraken, okx, bybit, hmac, or the name of a RequestSigner bean.");
			}
			if (BUILT_IN_SIGNERS.contains(signer)) {
				require(name, "api-key", properties.getApiKey(), signer);
				require(name, "secret", properties.getSecret(), signer);
				if (signer.equals("okx")) {
					require(name, "passphrase", properties.getPassphrase(), signer);
				}
			}
			if (signer.equals("hmac")) {
				hmac(name, properties.getHmac());
			}
		}
		String errorParser = errorParserName(properties);
		if (errorParser != null && !errorParser.equals("none") && !ApiErrorParsers.isBuiltIn(errorParser)
				&& !hasBean(beanFactory, errorParser, ApiErrorParser.class)) {
			throw invalid(name, "error-parser",
					"'" + errorParser + "' is neither a built-in error parser nor an ApiErrorParser bean",
					"Use one of binance, kraken, okx, bybit, none, or the name of an ApiErrorParser bean.");
		}
		for (int i = 0; i < properties.getRateLimits().size(); i++) {
			rateLimit(name, i, properties.getRateLimits().get(i));
		}
		RestClientProperties.Retry retry = properties.getRetry();
		if (retry.getMaxAttempts() < 0) {
			throw invalid(name, "retry.max-attempts", "is " + retry.getMaxAttempts(), "Set it to 0 or more.");
		}
		positive(name, "retry.initial-backoff", retry.getInitialBackoff());
		if (retry.getMaxBackoff().compareTo(retry.getInitialBackoff()) < 0) {
			throw invalid(name, "retry.max-backoff", "is less than retry.initial-backoff",
					"Set it at least as long as retry.initial-backoff.");
		}
	}

	/**
	 * Return the name of the error parser: as configured, else the built-in signer's
	 * exchange, else {@code null}.
	 */
	static @Nullable String errorParserName(RestClientProperties properties) {
		if (properties.getErrorParser() != null) {
			return properties.getErrorParser();
		}
		String signer = properties.getSigner();
		return (signer != null && ApiErrorParsers.isBuiltIn(signer)) ? signer : null;
	}

	static RateLimitSpec rateLimit(String name, int index, RestClientProperties.RateLimit limit) {
		String prefix = "rate-limits[" + index + "].";
		if (limit.getLimit() < 1) {
			throw invalid(name, prefix + "limit", "is " + limit.getLimit(), "Set a positive capacity per window.");
		}
		positive(name, prefix + "period", limit.getPeriod());
		if (limit.getPeriod().toMillis() < 1) {
			throw invalid(name, prefix + "period", "is shorter than a millisecond", "Set at least 1ms.");
		}
		String limitName = (limit.getName() != null) ? limit.getName() : "limit-" + index;
		return new RateLimitSpec(limitName, limit.getLimit(), limit.getPeriod(), limit.isWeighted(), limit.getMethods(),
				limit.getPaths(), limit.getUsageHeader());
	}

	static HmacSignerSpec hmac(String name, RestClientProperties.Hmac hmac) {
		if (hmac.getPrehash().isEmpty()) {
			throw invalid(name, "hmac.prehash", "is empty", "List the parts of the signed message, for example "
					+ "[timestamp, method, path-with-query, body].");
		}
		List<Part> parts = new ArrayList<>();
		for (int i = 0; i < hmac.getPrehash().size(); i++) {
			parts.add(part(name, i, hmac.getPrehash().get(i)));
		}
		HmacSignerSpec.Builder builder = HmacSignerSpec.builder()
			.algorithm(enumValue(name, "hmac.algorithm", hmac.getAlgorithm(), HmacSignerSpec.Algorithm.class))
			.signatureEncoding(enumValue(name, "hmac.signature-encoding", hmac.getSignatureEncoding(),
					HmacSignerSpec.SignatureEncoding.class))
			.secretEncoding(enumValue(name, "hmac.secret-encoding", hmac.getSecretEncoding(),
					HmacSignerSpec.SecretEncoding.class))
			.prehash(parts)
			.signature(switch (hmac.getSignatureLocation().toLowerCase(Locale.ROOT)) {
				case "header" -> Placement.header(hmac.getSignatureName());
				case "query-param" -> Placement.queryParam(hmac.getSignatureName());
				default -> throw invalid(name, "hmac.signature-location", "is '" + hmac.getSignatureLocation() + "'",
						"Use header or query-param.");
			});
		if (hmac.getApiKeyHeader() != null) {
			builder.apiKeyHeader(hmac.getApiKeyHeader());
		}
		if (hmac.getTimestampHeader() != null) {
			builder.timestamp(Placement.header(hmac.getTimestampHeader()));
		}
		return builder.build();
	}

	private static Part part(String name, int index, String text) {
		if (text.startsWith("literal:")) {
			return Part.literal(text.substring("literal:".length()));
		}
		return switch (text.toLowerCase(Locale.ROOT)) {
			case "timestamp" -> Part.TIMESTAMP;
			case "timestamp-iso" -> Part.TIMESTAMP_ISO;
			case "nonce" -> Part.NONCE;
			case "method" -> Part.METHOD;
			case "path" -> Part.PATH;
			case "query" -> Part.QUERY;
			case "path-with-query" -> Part.PATH_WITH_QUERY;
			case "body" -> Part.BODY;
			case "api-key" -> Part.API_KEY;
			default -> throw invalid(name, "hmac.prehash[" + index + "]", "is '" + text + "'",
					"Use timestamp, timestamp-iso, nonce, method, path, query, path-with-query, body, api-key "
							+ "or literal:TEXT.");
		};
	}

	private static <E extends Enum<E>> E enumValue(String name, String property, String value, Class<E> type) {
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equalsIgnoreCase(value)) {
				return constant;
			}
		}
		List<String> names = new ArrayList<>();
		for (E constant : type.getEnumConstants()) {
			names.add(constant.name().toLowerCase(Locale.ROOT));
		}
		throw invalid(name, property, "is '" + value + "'", "Use one of " + String.join(", ", names) + ".");
	}

	private static boolean hasBean(ListableBeanFactory beanFactory, String name, Class<?> type) {
		return beanFactory.containsBean(name) && beanFactory.isTypeMatch(name, type);
	}

	private static void require(String name, String property, @Nullable String value, String signer) {
		if (value == null || value.isEmpty()) {
			throw invalid(name, property, "is not set, but the " + signer + " signer needs it",
					"Set it, for example from an environment variable: ${EXCHANGE_API_"
							+ property.toUpperCase(Locale.ROOT).replace('-', '_') + "}.");
		}
	}

	private static void positive(String name, String property, Duration duration) {
		if (duration.isNegative() || duration.isZero()) {
			throw invalid(name, property, "is " + duration, "Set a positive duration, for example 10s.");
		}
	}

	private static InvalidExchangeConfigurationException invalid(String name, String property, String problem,
			String action) {
		return new InvalidExchangeConfigurationException(property(name, property),
				"REST client '" + name + "' " + property + " " + problem + ".", action);
	}

}
