package dev.exchangeintegration.core;

import org.jspecify.annotations.Nullable;

/**
 * Bounded, escaped excerpts of payloads and of any other text an exchange supplies (close
 * reasons, error messages), for logs, events and endpoints: an exchange cannot forge a
 * log line or write terminal escapes through them.
 * <p>
 * Escaping shows CR, LF and tab as {@code \r}, {@code \n} and {@code \t}, and every other
 * control character (C0, DEL, C1), and the Unicode line and paragraph separators, as
 * {@code &#92;uXXXX}. A backslash stays as it is, so that escaping is idempotent: text
 * escaped once, then again as part of a log message, reads the same.
 */
public final class Excerpts {

	/**
	 * Maximum number of characters of an {@link #escape(CharSequence) escaped text}:
	 * {@value}.
	 */
	public static final int MAX_TEXT_LENGTH = 1024;

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private Excerpts() {
	}

	/**
	 * Return at most {@link Frame#EXCERPT_LENGTH} characters of {@code text}, escaped,
	 * followed by the total size in bytes when truncated.
	 * @param text the full text, or a prefix of it at least as long as the excerpt
	 * @param totalBytes the size of the whole payload in bytes
	 * @return the excerpt
	 */
	public static String of(String text, int totalBytes) {
		if (text.length() <= Frame.EXCERPT_LENGTH) {
			return escape(text, Frame.EXCERPT_LENGTH * 6);
		}
		return escape(text.substring(0, Frame.EXCERPT_LENGTH), Frame.EXCERPT_LENGTH * 6) + "... (" + totalBytes
				+ " bytes)";
	}

	/**
	 * Return {@code text} escaped, at most {@value #MAX_TEXT_LENGTH} characters of it.
	 * @param text the text, may be {@code null}
	 * @return the escaped text, or {@code "null"}
	 */
	public static String escape(@Nullable CharSequence text) {
		return escape(text, MAX_TEXT_LENGTH);
	}

	/**
	 * Return {@code text} escaped, truncated to {@code maxLength} characters of escaped
	 * text, followed by the original length when truncated.
	 * @param text the text, may be {@code null}
	 * @param maxLength the maximum length of the escaped text before the truncation note
	 * @return the escaped text, or {@code "null"}
	 */
	public static String escape(@Nullable CharSequence text, int maxLength) {
		if (text == null) {
			return "null";
		}
		if (!needsEscaping(text) && text.length() <= maxLength) {
			return text.toString();
		}
		StringBuilder escaped = new StringBuilder(Math.min(text.length() + 16, maxLength + 32));
		for (int i = 0; i < text.length(); i++) {
			if (escaped.length() >= maxLength) {
				return escaped.append("... (").append(text.length()).append(" chars)").toString();
			}
			append(escaped, text.charAt(i));
		}
		return escaped.toString();
	}

	private static boolean needsEscaping(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (isEscaped(c)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isEscaped(char c) {
		return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
	}

	private static void append(StringBuilder escaped, char c) {
		if (!isEscaped(c)) {
			escaped.append(c);
			return;
		}
		switch (c) {
			case '\r' -> escaped.append("\\r");
			case '\n' -> escaped.append("\\n");
			case '\t' -> escaped.append("\\t");
			default -> escaped.append("\\u")
				.append(HEX[(c >> 12) & 0xf])
				.append(HEX[(c >> 8) & 0xf])
				.append(HEX[(c >> 4) & 0xf])
				.append(HEX[c & 0xf]);
		}
	}

}
