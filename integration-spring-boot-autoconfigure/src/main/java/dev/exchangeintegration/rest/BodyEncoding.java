package dev.exchangeintegration.rest;

/**
 * How a request body is encoded.
 */
public enum BodyEncoding {

	/**
	 * {@code application/json}.
	 */
	JSON,

	/**
	 * {@code application/x-www-form-urlencoded}, in the order of the body's fields.
	 */
	FORM

}
