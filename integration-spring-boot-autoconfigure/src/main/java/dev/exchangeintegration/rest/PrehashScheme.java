package dev.exchangeintegration.rest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What the generic {@code hmac} signer signs, as an {@link HmacSignerSpec} describes it.
 * In order, it:
 * <ol>
 * <li>sends the timestamp, if the spec says where, in the format of the first timestamp
 * part of the prehash (epoch milliseconds when the prehash has none);</li>
 * <li>sends the nonce, if the spec says where;</li>
 * <li>signs the concatenated prehash parts, as they now are;</li>
 * <li>sends the signature, then the API key, if the spec names its header.</li>
 * </ol>
 * When the request already carries the timestamp or nonce parameter or form field, it is
 * left as it is, and its value is what is signed.
 */
final class PrehashScheme implements SignatureScheme {

	private final HmacSignerSpec spec;

	private final boolean isoTimestamp;

	private final boolean usesApiKey;

	PrehashScheme(HmacSignerSpec spec) {
		this.spec = spec;
		this.isoTimestamp = firstTimestampKind(spec.prehash()) == PrehashPart.Kind.TIMESTAMP_ISO;
		this.usesApiKey = spec.apiKeyHeader() != null || uses(spec.prehash(), PrehashPart.Kind.API_KEY);
	}

	@Override
	public Prehash prepare(SignableRequest request, RestCredentials credentials) {
		String apiKey = this.usesApiKey ? credentials.requireApiKey() : "";
		String millis = request.timestampMillis();
		String iso = request.timestampIso();
		String timestamp = send(request, this.spec.timestamp(), this.isoTimestamp ? iso : millis);
		Values values = new Values(this.isoTimestamp ? millis : timestamp, this.isoTimestamp ? timestamp : iso,
				send(request, this.spec.nonce(), Long.toString(request.nonce())), apiKey);
		ByteArrayOutputStream message = new ByteArrayOutputStream();
		write(message, this.spec.prehash(), request, values);
		return new Prehash(message.toByteArray(), (signature) -> {
			Placement placement = this.spec.signature();
			switch (placement.location()) {
				case HEADER -> request.header(placement.name(), signature);
				case QUERY_PARAM -> request.addQueryParam(placement.name(), signature);
				case FORM_FIELD -> throw new IllegalStateException("The signature cannot go in the body");
			}
			String apiKeyHeader = this.spec.apiKeyHeader();
			if (apiKeyHeader != null) {
				request.header(apiKeyHeader, apiKey);
			}
		});
	}

	/**
	 * Send a value where the placement says, unless the request already carries it.
	 * @return the value that is sent, and so signed
	 */
	private static String send(SignableRequest request, @Nullable Placement placement, String value) {
		if (placement == null) {
			return value;
		}
		String name = placement.name();
		if (placement.location() == Placement.Location.HEADER) {
			request.header(name, value);
			return value;
		}
		if (placement.location() == Placement.Location.FORM_FIELD && request.bodyEncoding() != BodyEncoding.FORM) {
			throw new IllegalStateException(
					"'" + name + "' goes in a form body but the body encoding is " + request.bodyEncoding());
		}
		String present = request.param(name);
		if (present != null) {
			return present;
		}
		if (placement.location() == Placement.Location.QUERY_PARAM) {
			request.addQueryParam(name, value);
		}
		else {
			request.prependFormField(name, value);
		}
		return value;
	}

	private static void write(ByteArrayOutputStream message, List<PrehashPart> parts, SignableRequest request,
			Values values) {
		for (PrehashPart part : parts) {
			if (part.kind() == PrehashPart.Kind.SHA256) {
				ByteArrayOutputStream nested = new ByteArrayOutputStream();
				write(nested, part.parts(), request, values);
				message.writeBytes(Sha256.digest(nested.toByteArray()));
			}
			else {
				message.writeBytes(text(part, request, values).getBytes(StandardCharsets.UTF_8));
			}
		}
	}

	private static String text(PrehashPart part, SignableRequest request, Values values) {
		return switch (part.kind()) {
			case TIMESTAMP -> values.millis();
			case TIMESTAMP_ISO -> values.iso();
			case NONCE -> values.nonce();
			case METHOD -> request.method().name().toUpperCase(Locale.ROOT);
			case PATH -> request.path();
			case QUERY -> request.encodedQuery();
			case PATH_WITH_QUERY -> request.pathWithQuery();
			case BODY -> request.body();
			case API_KEY -> values.apiKey();
			case LITERAL -> part.text();
			case SHA256 -> throw new IllegalStateException("A SHA256 part has no text");
		};
	}

	private static PrehashPart.@Nullable Kind firstTimestampKind(List<PrehashPart> parts) {
		for (PrehashPart part : parts) {
			if (part.kind() == PrehashPart.Kind.TIMESTAMP || part.kind() == PrehashPart.Kind.TIMESTAMP_ISO) {
				return part.kind();
			}
			PrehashPart.Kind nested = firstTimestampKind(part.parts());
			if (nested != null) {
				return nested;
			}
		}
		return null;
	}

	private static boolean uses(List<PrehashPart> parts, PrehashPart.Kind kind) {
		return parts.stream().anyMatch((part) -> part.kind() == kind || uses(part.parts(), kind));
	}

	@Override
	public String toString() {
		return "hmac[signature in " + this.spec.signature() + "]";
	}

	private record Values(String millis, String iso, String nonce, String apiKey) {

	}

}
