package dev.exchangeintegration.rest;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One part of the message the generic {@code hmac} signer signs (its prehash). Text parts
 * are signed as UTF-8; a {@link Kind#SHA256} part contributes the raw digest of its
 * nested parts.
 *
 * @param kind the kind of part
 * @param text the text of a {@link Kind#LITERAL} part, empty for any other kind
 * @param parts the nested parts of a {@link Kind#SHA256} part, empty for any other kind
 */
public record PrehashPart(Kind kind, String text, List<PrehashPart> parts) {

	/**
	 * The timestamp in epoch milliseconds.
	 */
	public static final PrehashPart TIMESTAMP = new PrehashPart(Kind.TIMESTAMP);

	/**
	 * The timestamp in ISO-8601, UTC, with milliseconds.
	 */
	public static final PrehashPart TIMESTAMP_ISO = new PrehashPart(Kind.TIMESTAMP_ISO);

	/**
	 * The nonce.
	 */
	public static final PrehashPart NONCE = new PrehashPart(Kind.NONCE);

	/**
	 * The HTTP method, upper case.
	 */
	public static final PrehashPart METHOD = new PrehashPart(Kind.METHOD);

	/**
	 * The path, without query.
	 */
	public static final PrehashPart PATH = new PrehashPart(Kind.PATH);

	/**
	 * The encoded query, without {@code ?}.
	 */
	public static final PrehashPart QUERY = new PrehashPart(Kind.QUERY);

	/**
	 * The path, then {@code ?} and the encoded query when there is one.
	 */
	public static final PrehashPart PATH_WITH_QUERY = new PrehashPart(Kind.PATH_WITH_QUERY);

	/**
	 * The encoded body, empty when there is none.
	 */
	public static final PrehashPart BODY = new PrehashPart(Kind.BODY);

	/**
	 * The API key.
	 */
	public static final PrehashPart API_KEY = new PrehashPart(Kind.API_KEY);

	/**
	 * Create a new part.
	 * @param kind the kind of part
	 * @param text the text of a {@link Kind#LITERAL} part, empty otherwise
	 * @param parts the nested parts of a {@link Kind#SHA256} part, empty otherwise
	 */
	public PrehashPart {
		Objects.requireNonNull(kind, "'kind' must not be null");
		Objects.requireNonNull(text, "'text' must not be null");
		Objects.requireNonNull(parts, "'parts' must not be null");
		parts = List.copyOf(parts);
		if (kind != Kind.LITERAL && !text.isEmpty()) {
			throw new IllegalArgumentException("Only a LITERAL part has text");
		}
		if (kind == Kind.SHA256 && parts.isEmpty()) {
			throw new IllegalArgumentException("A SHA256 part needs nested parts");
		}
		if (kind != Kind.SHA256 && !parts.isEmpty()) {
			throw new IllegalArgumentException("Only a SHA256 part has nested parts");
		}
	}

	private PrehashPart(Kind kind) {
		this(kind, "", List.of());
	}

	/**
	 * Return the part of this kind, for any kind but {@link Kind#LITERAL} and
	 * {@link Kind#SHA256}.
	 * @param kind the kind
	 * @return the part
	 */
	public static PrehashPart of(Kind kind) {
		return new PrehashPart(kind);
	}

	/**
	 * Return a literal text part, such as a separator.
	 * @param text the text
	 * @return the part
	 */
	public static PrehashPart literal(String text) {
		return new PrehashPart(Kind.LITERAL, text, List.of());
	}

	/**
	 * Return a part made of the raw SHA-256 digest of the concatenated nested parts.
	 * @param parts the nested parts
	 * @return the part
	 */
	public static PrehashPart sha256(PrehashPart... parts) {
		return new PrehashPart(Kind.SHA256, "", Arrays.asList(parts));
	}

	/**
	 * A kind of {@link PrehashPart}.
	 */
	public enum Kind {

		/**
		 * The timestamp in epoch milliseconds, such as {@code 1499827319559}.
		 */
		TIMESTAMP,

		/**
		 * The timestamp in ISO-8601, UTC, with milliseconds, such as
		 * {@code 2020-12-08T09:08:57.715Z}.
		 */
		TIMESTAMP_ISO,

		/**
		 * The nonce.
		 */
		NONCE,

		/**
		 * The HTTP method, upper case.
		 */
		METHOD,

		/**
		 * The path, without query.
		 */
		PATH,

		/**
		 * The encoded query, without {@code ?}; empty when there is none.
		 */
		QUERY,

		/**
		 * The path, then {@code ?} and the encoded query when there is one.
		 */
		PATH_WITH_QUERY,

		/**
		 * The encoded body, empty when there is none.
		 */
		BODY,

		/**
		 * The API key.
		 */
		API_KEY,

		/**
		 * A literal text.
		 */
		LITERAL,

		/**
		 * The raw SHA-256 digest of nested parts.
		 */
		SHA256

	}

}
