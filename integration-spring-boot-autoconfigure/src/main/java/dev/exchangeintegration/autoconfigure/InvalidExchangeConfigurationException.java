package dev.exchangeintegration.autoconfigure;

/**
 * An exchange is configured in a way that cannot work. Names the offending property and
 * how to fix it; reported at startup by
 * {@link InvalidExchangeConfigurationFailureAnalyzer}.
 */
public class InvalidExchangeConfigurationException extends RuntimeException {

	private final String property;

	private final String action;

	/**
	 * Create a new instance.
	 * @param property the full name of the offending property
	 * @param description what is wrong
	 * @param action how to fix it
	 */
	public InvalidExchangeConfigurationException(String property, String description, String action) {
		this(property, description, action, null);
	}

	/**
	 * Create a new instance.
	 * @param property the full name of the offending property
	 * @param description what is wrong
	 * @param action how to fix it
	 * @param cause the underlying cause, if any
	 */
	public InvalidExchangeConfigurationException(String property, String description, String action,
			@org.jspecify.annotations.Nullable Throwable cause) {
		super("Invalid property '" + property + "': " + description, cause);
		this.property = property;
		this.action = action;
	}

	/**
	 * Return the full name of the offending property.
	 * @return the property name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * Return how to fix the configuration.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
