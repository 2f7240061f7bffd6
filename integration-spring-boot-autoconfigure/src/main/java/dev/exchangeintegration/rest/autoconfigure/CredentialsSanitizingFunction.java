package dev.exchangeintegration.rest.autoconfigure;

import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the credentials of the REST clients (api-key, secret, passphrase) in Actuator's
 * {@code configprops} and {@code env} endpoints, even where values are shown
 * ({@code show-values: always}): any key ending with key, secret, passphrase, password,
 * token or credentials, whatever property source or environment variable it comes from.
 */
class CredentialsSanitizingFunction implements SanitizingFunction {

	private static final Pattern CREDENTIAL = Pattern.compile(".*(key|secret|passphrase|password|token|credentials)$");

	@Override
	public SanitizableData apply(SanitizableData data) {
		String key = data.getKey().toLowerCase(Locale.ROOT);
		return CREDENTIAL.matcher(key).matches() ? data.withSanitizedValue() : data;
	}

}
