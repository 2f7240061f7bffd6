package dev.exchangeintegration.rest.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.exchangeintegration.rest.HmacAlgorithm;
import dev.exchangeintegration.rest.HmacSignerSpec;
import dev.exchangeintegration.rest.Placement;
import dev.exchangeintegration.rest.PrehashPart;
import dev.exchangeintegration.rest.SecretEncoding;
import dev.exchangeintegration.rest.SignatureEncoding;
import dev.exchangeintegration.rest.autoconfigure.RestClientSpecMapper.Property;

/**
 * Turns the {@code hmac.*} settings of a REST client into the {@link HmacSignerSpec} of
 * its generic signer, checking them.
 */
final class HmacSpecMapper {

	private HmacSpecMapper() {
	}

	static HmacSignerSpec spec(Property property, HmacProperties hmac) {
		if (hmac.getPrehash().isEmpty()) {
			throw property.invalid("hmac.prehash", null, "is empty", "List the parts of the signed message, for "
					+ "example [timestamp, method, path-with-query, body].");
		}
		List<PrehashPart> parts = new ArrayList<>();
		for (int i = 0; i < hmac.getPrehash().size(); i++) {
			parts.add(part(property, i, hmac.getPrehash().get(i)));
		}
		HmacSignerSpec.Builder builder = HmacSignerSpec.builder()
			.algorithm(enumValue(property, "hmac.algorithm", hmac.getAlgorithm(), HmacAlgorithm.class))
			.signatureEncoding(enumValue(property, "hmac.signature-encoding", hmac.getSignatureEncoding(),
					SignatureEncoding.class))
			.secretEncoding(enumValue(property, "hmac.secret-encoding", hmac.getSecretEncoding(), SecretEncoding.class))
			.prehash(parts)
			.signature(switch (hmac.getSignatureLocation().toLowerCase(Locale.ROOT)) {
				case "header" -> Placement.header(hmac.getSignatureName());
				case "query-param" -> Placement.queryParam(hmac.getSignatureName());
				default -> throw property.invalid("hmac.signature-location", hmac.getSignatureLocation(),
						"is '" + hmac.getSignatureLocation() + "'", "Use header or query-param.");
			});
		if (hmac.getApiKeyHeader() != null) {
			builder.apiKeyHeader(hmac.getApiKeyHeader());
		}
		if (hmac.getTimestampHeader() != null) {
			builder.timestamp(Placement.header(hmac.getTimestampHeader()));
		}
		return builder.build();
	}

	private static PrehashPart part(Property property, int index, String text) {
		if (text.startsWith("literal:")) {
			return PrehashPart.literal(text.substring("literal:".length()));
		}
		return switch (text.toLowerCase(Locale.ROOT)) {
			case "timestamp" -> PrehashPart.TIMESTAMP;
			case "timestamp-iso" -> PrehashPart.TIMESTAMP_ISO;
			case "nonce" -> PrehashPart.NONCE;
			case "method" -> PrehashPart.METHOD;
			case "path" -> PrehashPart.PATH;
			case "query" -> PrehashPart.QUERY;
			case "path-with-query" -> PrehashPart.PATH_WITH_QUERY;
			case "body" -> PrehashPart.BODY;
			case "api-key" -> PrehashPart.API_KEY;
			default -> throw property.invalid("hmac.prehash[" + index + "]", text, "is '" + text + "'",
					"Use timestamp, timestamp-iso, nonce, method, path, query, path-with-query, body, api-key "
							+ "or literal:TEXT.");
		};
	}

	private static <E extends Enum<E>> E enumValue(Property property, String name, String value, Class<E> type) {
		List<String> names = new ArrayList<>();
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equalsIgnoreCase(value)) {
				return constant;
			}
			names.add(constant.name().toLowerCase(Locale.ROOT));
		}
		throw property.invalid(name, value, "is '" + value + "'", "Use one of " + String.join(", ", names) + ".");
	}

}
