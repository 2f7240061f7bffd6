package dev.exchangeintegration.core;

/**
 * Bounded excerpts of payloads for error reports.
 */
public final class Excerpts {

	private Excerpts() {
	}

	/**
	 * Return at most {@link Frame#EXCERPT_LENGTH} characters of {@code text}, followed by
	 * the total size in bytes when truncated.
	 * @param text the full text, or a prefix of it at least as long as the excerpt
	 * @param totalBytes the size of the whole payload in bytes
	 * @return the excerpt
	 */
	public static String of(String text, int totalBytes) {
		if (text.length() <= Frame.EXCERPT_LENGTH) {
			return text;
		}
		return text.substring(0, Frame.EXCERPT_LENGTH) + "... (" + totalBytes + " bytes)";
	}

}
