package dev.exchangeintegration.autoconfigure.transport;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Descriptions of transport endpoints without their secrets: a URL's user information and
 * the values of its query parameters are masked, since exchanges put listen keys, tokens
 * and signatures there.
 */
public final class TransportEndpoints {

	/**
	 * What a secret is replaced with: {@value}.
	 */
	public static final String MASK = "******";

	private static final Pattern URL = Pattern
		.compile("\\b([a-zA-Z][a-zA-Z0-9+.-]*://)([^\\s/?#@]*@)?([^\\s?#]*)(\\?[^\\s#]*)?");

	private static final Pattern QUERY_VALUE = Pattern.compile("=[^&;]*");

	private TransportEndpoints() {
	}

	/**
	 * Return a URL without its secrets: user information and query values masked, the
	 * fragment dropped.
	 * @param url the URL
	 * @return the description
	 */
	public static String withoutSecrets(URI url) {
		return redact(url.toString());
	}

	/**
	 * Return {@code text} with the secrets of every URL in it masked, for messages that
	 * may quote the URL of a failed request.
	 * @param text the text
	 * @return the text without URL secrets
	 */
	public static String redact(String text) {
		Matcher matcher = URL.matcher(text);
		StringBuilder redacted = new StringBuilder(text.length());
		while (matcher.find()) {
			String userInfo = (matcher.group(2) != null) ? MASK + "@" : "";
			String query = (matcher.group(4) != null) ? QUERY_VALUE.matcher(matcher.group(4)).replaceAll("=" + MASK)
					: "";
			matcher.appendReplacement(redacted,
					Matcher.quoteReplacement(matcher.group(1) + userInfo + matcher.group(3) + query));
		}
		matcher.appendTail(redacted);
		return redacted.toString();
	}

}
