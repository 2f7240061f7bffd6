package dev.exchangeintegration.test;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.MutuallyExclusiveConfigurationPropertiesException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assertions on startup failures: the Boot configuration exception among the causes
 * (failures raised while beans are created arrive wrapped in bean creation exceptions),
 * naming the property.
 */
public final class ConfigurationFailures {

	private ConfigurationFailures() {
	}

	/**
	 * Assert that a startup failure is caused by an invalid value of a property.
	 * @param failure the startup failure
	 * @param property the full name of the property
	 * @param description the start of the reason: what is wrong
	 * @return the exception, for further assertions
	 */
	public static InvalidConfigurationPropertyValueException assertInvalid(Throwable failure, String property,
			String description) {
		InvalidConfigurationPropertyValueException ex = find(failure, InvalidConfigurationPropertyValueException.class);
		assertThat(ex.getName()).isEqualTo(property);
		assertThat(ex.getReason()).startsWith(description);
		return ex;
	}

	/**
	 * Assert that a startup failure is caused by properties set together that exclude
	 * each other.
	 * @param failure the startup failure
	 * @param properties the full names of the properties
	 * @return the exception, for further assertions
	 */
	public static MutuallyExclusiveConfigurationPropertiesException assertMutuallyExclusive(Throwable failure,
			String... properties) {
		MutuallyExclusiveConfigurationPropertiesException ex = find(failure,
				MutuallyExclusiveConfigurationPropertiesException.class);
		assertThat(ex.getConfiguredNames()).containsExactlyInAnyOrder(properties);
		assertThat(ex.getMutuallyExclusiveNames()).containsExactlyInAnyOrder(properties);
		return ex;
	}

	/**
	 * Return the first exception of a type among the causes of a failure.
	 * @param <T> the exception type
	 * @param failure the failure
	 * @param type the exception type
	 * @return the exception
	 */
	public static <T extends Throwable> T find(Throwable failure, Class<T> type) {
		assertThat(failure).as("startup failure").isNotNull();
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
		}
		throw new AssertionError("No " + type.getSimpleName() + " among the causes of " + failure, failure);
	}

}
