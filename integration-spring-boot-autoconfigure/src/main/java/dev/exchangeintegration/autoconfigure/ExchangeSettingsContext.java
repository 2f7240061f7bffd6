package dev.exchangeintegration.autoconfigure;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Exchange;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.MutuallyExclusiveConfigurationPropertiesException;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Names the properties of one exchange in one settings group, for the startup failures
 * that a transport, a parser or the stream settings raise. A key is relative to the
 * group: {@code port} in the group {@code line} of exchange {@code ticks} is
 * {@code exchange-integration.exchanges.ticks.line.port}, or
 * {@code exchange-integration.defaults.line.port} when only the shared defaults set it,
 * so that a failure points at the line that needs fixing.
 */
public final class ExchangeSettingsContext {

	private final String exchange;

	private final Exchange common;

	private final String group;

	private final Iterable<ConfigurationPropertySource> sources;

	ExchangeSettingsContext(String exchange, Exchange common, String group,
			Iterable<ConfigurationPropertySource> sources) {
		this.exchange = exchange;
		this.common = common;
		this.group = group;
		this.sources = sources;
	}

	/**
	 * Create a context for settings of an exchange besides those of its transport, such
	 * as those of its sinks.
	 * @param exchange the exchange name
	 * @param common the exchange's common settings, with the shared defaults merged in
	 * @param group the group of the settings, relative to the exchange, such as
	 * {@code sinks.kafka}; empty for the exchange's own level
	 * @param environment the environment the settings come from
	 * @return the context
	 */
	public static ExchangeSettingsContext of(String exchange, Exchange common, String group, Environment environment) {
		return new ExchangeSettingsContext(exchange, common, group, ConfigurationPropertySources.get(environment));
	}

	/**
	 * Return the exchange name.
	 * @return the exchange name
	 */
	public String exchange() {
		return this.exchange;
	}

	/**
	 * Return the exchange's settings that do not depend on its protocol, such as
	 * {@code connect-timeout}, with the shared defaults merged in.
	 * @return the common settings
	 */
	public Exchange common() {
		return this.common;
	}

	/**
	 * Return the full name of a property of this exchange: its own key, or the shared
	 * default's when only that one is set.
	 * @param key the key, relative to the settings group, such as {@code port} or
	 * {@code heartbeat.interval}
	 * @return the full property name
	 */
	public String property(String key) {
		String own = exchangeKey(key);
		if (isSet(own)) {
			return own;
		}
		String shared = defaultsKey(key);
		return isSet(shared) ? shared : own;
	}

	/**
	 * Return whether the exchange sets a key itself, not through the shared defaults.
	 * @param key the key, relative to the settings group
	 * @return whether the exchange's own key is set
	 */
	public boolean isSetByExchange(String key) {
		return isSet(exchangeKey(key));
	}

	/**
	 * Create the failure for a property whose value cannot work. Boot's failure analysis
	 * reports it with the property's origin.
	 * @param key the key, relative to the settings group
	 * @param value the offending value, or {@code null} when it is missing
	 * @param description what is wrong, naming the exchange
	 * @param action how to fix it
	 * @return the exception to throw
	 */
	public InvalidConfigurationPropertyValueException invalid(String key, @Nullable Object value, String description,
			String action) {
		return invalid(key, value, description, action, null);
	}

	/**
	 * Create the failure for a property whose value cannot work, with its cause.
	 * @param key the key, relative to the settings group
	 * @param value the offending value, or {@code null} when it is missing
	 * @param description what is wrong, naming the exchange
	 * @param action how to fix it
	 * @param cause why, if known
	 * @return the exception to throw
	 */
	public InvalidConfigurationPropertyValueException invalid(String key, @Nullable Object value, String description,
			String action, @Nullable Throwable cause) {
		return new InvalidConfigurationPropertyValueException(property(key), value, description + " " + action, cause);
	}

	/**
	 * Create the failure for a property whose value cannot work, described as
	 * {@code Exchange 'NAME' KEY PROBLEM.}.
	 * @param key the key, relative to the settings group
	 * @param value the offending value, or {@code null} when it is missing
	 * @param problem what is wrong with the key, such as {@code is PT0S}
	 * @param action how to fix it
	 * @return the exception to throw
	 */
	public InvalidConfigurationPropertyValueException misconfigured(String key, @Nullable Object value, String problem,
			String action) {
		return invalid(key, value, "Exchange '" + this.exchange + "' " + key + " " + problem + ".", action);
	}

	/**
	 * Fail unless a duration is positive.
	 * @param key the key, relative to the settings group
	 * @param duration the duration
	 */
	public void requirePositive(String key, Duration duration) {
		if (duration.isNegative() || duration.isZero()) {
			throw misconfigured(key, duration, "is " + duration, "Set a positive duration, for example 10s.");
		}
	}

	/**
	 * Create the failure for keys that must not be set together.
	 * @param keys the keys, relative to the settings group, all of them set
	 * @return the exception to throw
	 */
	public MutuallyExclusiveConfigurationPropertiesException mutuallyExclusive(String... keys) {
		List<String> names = Arrays.stream(keys).map(this::property).toList();
		return new MutuallyExclusiveConfigurationPropertiesException(names, names);
	}

	/**
	 * Return a context for the keys at the exchange's own level, such as
	 * {@code subscriptions}, for a transport whose settings group is not that level.
	 * @return the context of the exchange's own level
	 */
	public ExchangeSettingsContext exchangeLevel() {
		return group("");
	}

	/**
	 * Bind a key as the exchange itself sets it, without the shared defaults.
	 * @param <T> the type to bind to
	 * @param key the key, relative to the settings group
	 * @param target the type to bind to
	 * @return the value, or empty when the exchange does not set the key
	 */
	public <T> Optional<T> bindExchangeKey(String key, Bindable<T> target) {
		return new Binder(this.sources).bind(exchangeKey(key), target).map(Optional::of).orElseGet(Optional::empty);
	}

	ExchangeSettingsContext group(String group) {
		return new ExchangeSettingsContext(this.exchange, this.common, group, this.sources);
	}

	String exchangeKey(String key) {
		return join(ExchangeIntegrationProperties.PREFIX + ".exchanges." + this.exchange, key);
	}

	private String defaultsKey(String key) {
		return join(ExchangeIntegrationProperties.PREFIX + ".defaults", key);
	}

	private String join(String root, String key) {
		String prefix = StringUtils.hasLength(this.group) ? root + "." + this.group : root;
		return StringUtils.hasLength(key) ? prefix + "." + key : prefix;
	}

	private boolean isSet(String property) {
		ConfigurationPropertyName name = ConfigurationPropertyName.ofIfValid(property);
		if (name == null) {
			return false;
		}
		for (ConfigurationPropertySource source : this.sources) {
			ConfigurationProperty value = source.getConfigurationProperty(name);
			if (value != null || source.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT) {
				return true;
			}
		}
		return false;
	}

}
