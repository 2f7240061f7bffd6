package dev.exchangeintegration.rest;

import java.util.Objects;

/**
 * Where a value of the generic {@code hmac} signer goes in a request: a location and a
 * name.
 *
 * @param location the location
 * @param name the name of the header, parameter or field
 * @see HmacSignerSpec
 */
public record Placement(Location location, String name) {

	/**
	 * Create a new placement.
	 * @param location the location
	 * @param name the name of the header, parameter or field, not empty
	 */
	public Placement {
		Objects.requireNonNull(location, "'location' must not be null");
		Objects.requireNonNull(name, "'name' must not be null");
		if (name.isEmpty()) {
			throw new IllegalArgumentException("'name' must not be empty");
		}
	}

	/**
	 * Return a header placement.
	 * @param name the header name
	 * @return the placement
	 */
	public static Placement header(String name) {
		return new Placement(Location.HEADER, name);
	}

	/**
	 * Return a query parameter placement.
	 * @param name the parameter name
	 * @return the placement
	 */
	public static Placement queryParam(String name) {
		return new Placement(Location.QUERY_PARAM, name);
	}

	/**
	 * Return a form body field placement.
	 * @param name the field name
	 * @return the placement
	 */
	public static Placement formField(String name) {
		return new Placement(Location.FORM_FIELD, name);
	}

	/**
	 * Where a value goes in the request.
	 */
	public enum Location {

		/**
		 * A header.
		 */
		HEADER,

		/**
		 * A query parameter, appended last unless the request already carries it in its
		 * query or its form body.
		 */
		QUERY_PARAM,

		/**
		 * A field of a form-encoded body, put first unless the request already carries it
		 * in its query or its form body. Not for the signature.
		 */
		FORM_FIELD

	}

}
