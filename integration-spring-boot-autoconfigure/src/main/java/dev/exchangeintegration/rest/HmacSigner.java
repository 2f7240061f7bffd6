package dev.exchangeintegration.rest;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import dev.exchangeintegration.rest.HmacSignerSpec.Part;
import dev.exchangeintegration.rest.HmacSignerSpec.Placement;
import org.jspecify.annotations.Nullable;

/**
 * A configurable HMAC {@link RequestSigner}, for exchanges whose scheme is "HMAC of some
 * request parts, sent in a header or a parameter". What it does is described by an
 * {@link HmacSignerSpec}. In order, it:
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
public final class HmacSigner implements RequestSigner {

	private final HmacSignerSpec spec;

	private final boolean isoTimestamp;

	private final boolean usesApiKey;

	/**
	 * Create a new signer.
	 * @param spec how to sign
	 */
	public HmacSigner(HmacSignerSpec spec) {
		this.spec = Objects.requireNonNull(spec, "'spec' must not be null");
		this.isoTimestamp = firstTimestampKind(spec.prehash()) == Part.Kind.TIMESTAMP_ISO;
		this.usesApiKey = spec.apiKeyHeader() != null || uses(spec.prehash(), Part.Kind.API_KEY);
	}

	/**
	 * Return how this signer signs.
	 * @return the spec
	 */
	public HmacSignerSpec spec() {
		return this.spec;
	}

	@Override
	public void sign(SignableRequest request, RestCredentials credentials) {
		String apiKey = (this.usesApiKey) ? credentials.requireApiKey() : "";
		byte[] key = key(credentials.requireSecret());
		String millis = SignatureSupport.epochMillis(request.timestamp());
		String iso = SignatureSupport.isoMillis(request.timestamp());
		String timestamp = send(request, this.spec.timestamp(), (this.isoTimestamp) ? iso : millis);
		if (this.isoTimestamp) {
			iso = timestamp;
		}
		else {
			millis = timestamp;
		}
		String nonce = send(request, this.spec.nonce(), Long.toString(request.nonce()));
		Values values = new Values(millis, iso, nonce, apiKey);
		ByteArrayOutputStream message = new ByteArrayOutputStream();
		write(message, this.spec.prehash(), request, values);
		byte[] mac = SignatureSupport.hmac(this.spec.algorithm().jcaName(), key, message.toByteArray());
		String signature = switch (this.spec.signatureEncoding()) {
			case HEX -> HexFormat.of().formatHex(mac);
			case BASE64 -> Base64.getEncoder().encodeToString(mac);
		};
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
	}

	private byte[] key(String secret) {
		return switch (this.spec.secretEncoding()) {
			case RAW -> SignatureSupport.utf8(secret);
			case BASE64 -> SignatureSupport.decodeBase64(secret);
		};
	}

	private static String send(SignableRequest request, @Nullable Placement placement, String value) {
		if (placement == null) {
			return value;
		}
		String name = placement.name();
		switch (placement.location()) {
			case HEADER -> request.header(name, value);
			case QUERY_PARAM -> {
				String present = SignatureSupport.paramValue(request, name);
				if (present != null) {
					return present;
				}
				request.addQueryParam(name, value);
			}
			case FORM_FIELD -> {
				if (request.bodyEncoding() != BodyEncoding.FORM) {
					throw new IllegalStateException(
							"'" + name + "' goes in a form body but the body encoding is " + request.bodyEncoding());
				}
				String present = SignatureSupport.paramValue(request, name);
				if (present != null) {
					return present;
				}
				SignatureSupport.prependFormField(request, name, value);
			}
		}
		return value;
	}

	private static void write(ByteArrayOutputStream message, List<Part> parts, SignableRequest request, Values values) {
		for (Part part : parts) {
			if (part.kind() == Part.Kind.SHA256) {
				ByteArrayOutputStream nested = new ByteArrayOutputStream();
				write(nested, part.parts(), request, values);
				message.writeBytes(SignatureSupport.sha256(nested.toByteArray()));
			}
			else {
				message.writeBytes(SignatureSupport.utf8(text(part, request, values)));
			}
		}
	}

	private static String text(Part part, SignableRequest request, Values values) {
		return switch (part.kind()) {
			case TIMESTAMP -> values.millis();
			case TIMESTAMP_ISO -> values.iso();
			case NONCE -> values.nonce();
			case METHOD -> request.method().name().toUpperCase(Locale.ROOT);
			case PATH -> request.path();
			case QUERY -> request.encodedQuery();
			case PATH_WITH_QUERY -> SignatureSupport.pathWithQuery(request);
			case BODY -> request.body();
			case API_KEY -> values.apiKey();
			case LITERAL -> part.text();
			case SHA256 -> throw new IllegalStateException("A SHA256 part has no text");
		};
	}

	private static Part.@Nullable Kind firstTimestampKind(List<Part> parts) {
		for (Part part : parts) {
			if (part.kind() == Part.Kind.TIMESTAMP || part.kind() == Part.Kind.TIMESTAMP_ISO) {
				return part.kind();
			}
			Part.Kind nested = firstTimestampKind(part.parts());
			if (nested != null) {
				return nested;
			}
		}
		return null;
	}

	private static boolean uses(List<Part> parts, Part.Kind kind) {
		return parts.stream().anyMatch((part) -> part.kind() == kind || uses(part.parts(), kind));
	}

	@Override
	public String toString() {
		return "HmacSigner[" + this.spec.algorithm().jcaName() + ", signature in " + this.spec.signature() + "]";
	}

	private record Values(String millis, String iso, String nonce, String apiKey) {

	}

}
