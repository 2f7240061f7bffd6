package dev.exchangeintegration.rest.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Settings of the generic hmac signer of a REST client, under
 * {@code exchange-integration.rest.NAME.hmac}.
 */
public class HmacProperties {

	/**
	 * HMAC algorithm: sha256, sha384 or sha512.
	 */
	private String algorithm = "sha256";

	/**
	 * How the signature is rendered: hex or base64.
	 */
	private String signatureEncoding = "hex";

	/**
	 * How the secret becomes the key: raw or base64 (decoded).
	 */
	private String secretEncoding = "raw";

	/**
	 * Parts of the signed message, concatenated in order: timestamp, timestamp-iso,
	 * nonce, method, path, query, path-with-query, body, api-key, or literal:TEXT.
	 */
	private List<String> prehash = new ArrayList<>();

	/**
	 * Where the signature goes: header or query-param.
	 */
	private String signatureLocation = "header";

	/**
	 * Name of the signature header or query parameter.
	 */
	private String signatureName = "signature";

	/**
	 * Header the API key is sent in; not sent when unset.
	 */
	private @Nullable String apiKeyHeader;

	/**
	 * Header the signed timestamp is sent in; not sent when unset.
	 */
	private @Nullable String timestampHeader;

	public String getAlgorithm() {
		return this.algorithm;
	}

	public void setAlgorithm(String algorithm) {
		this.algorithm = algorithm;
	}

	public String getSignatureEncoding() {
		return this.signatureEncoding;
	}

	public void setSignatureEncoding(String signatureEncoding) {
		this.signatureEncoding = signatureEncoding;
	}

	public String getSecretEncoding() {
		return this.secretEncoding;
	}

	public void setSecretEncoding(String secretEncoding) {
		this.secretEncoding = secretEncoding;
	}

	public List<String> getPrehash() {
		return this.prehash;
	}

	public void setPrehash(List<String> prehash) {
		this.prehash = prehash;
	}

	public String getSignatureLocation() {
		return this.signatureLocation;
	}

	public void setSignatureLocation(String signatureLocation) {
		this.signatureLocation = signatureLocation;
	}

	public String getSignatureName() {
		return this.signatureName;
	}

	public void setSignatureName(String signatureName) {
		this.signatureName = signatureName;
	}

	public @Nullable String getApiKeyHeader() {
		return this.apiKeyHeader;
	}

	public void setApiKeyHeader(@Nullable String apiKeyHeader) {
		this.apiKeyHeader = apiKeyHeader;
	}

	public @Nullable String getTimestampHeader() {
		return this.timestampHeader;
	}

	public void setTimestampHeader(@Nullable String timestampHeader) {
		this.timestampHeader = timestampHeader;
	}

}
