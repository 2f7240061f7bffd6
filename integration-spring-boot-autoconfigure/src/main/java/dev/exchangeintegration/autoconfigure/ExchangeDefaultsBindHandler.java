package dev.exchangeintegration.autoconfigure;

import java.util.Map;

import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Exchange;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

/**
 * Binds each {@code exchange-integration.exchanges.NAME} onto a copy of the shared
 * {@code exchange-integration.defaults}, so that an exchange holds the defaults with its
 * own settings on top. Applied to the binding of {@link ExchangeIntegrationProperties}
 * (through a {@code ConfigurationPropertiesBindHandlerAdvisor}), so that the bean and
 * Actuator's {@code configprops} show the values each exchange runs with.
 * <p>
 * {@link #bind(Binder, String, String, Object)} does the same for a settings group of a
 * transport.
 */
public final class ExchangeDefaultsBindHandler extends AbstractBindHandler {

	static final ConfigurationPropertyName DEFAULTS = ConfigurationPropertyName
		.of(ExchangeIntegrationProperties.PREFIX + ".defaults");

	static final ConfigurationPropertyName EXCHANGES = ConfigurationPropertyName
		.of(ExchangeIntegrationProperties.PREFIX + ".exchanges");

	/**
	 * Create a handler with no parent.
	 */
	public ExchangeDefaultsBindHandler() {
	}

	/**
	 * Create a handler that applies on top of another.
	 * @param parent the handler to delegate to
	 */
	public ExchangeDefaultsBindHandler(BindHandler parent) {
		super(parent);
	}

	@Override
	public <T> @Nullable Bindable<T> onStart(ConfigurationPropertyName name, Bindable<T> target, BindContext context) {
		Bindable<T> bindable = super.onStart(name, target, context);
		if (bindable == null) {
			return null;
		}
		if (EXCHANGES.equals(name) && bindable.getValue() != null
				&& Exchange.class.equals(bindable.getType().resolveGeneric(1))
				&& bindable.getValue().get() instanceof Map<?, ?> exchanges) {
			addDeclaredExchanges(castExchanges(exchanges), context.getBinder());
		}
		if (bindable.getValue() == null && EXCHANGES.isParentOf(name)
				&& Exchange.class.equals(bindable.getType().resolve())) {
			@SuppressWarnings("unchecked")
			T value = (T) defaults(context.getBinder());
			return bindable.withExistingValue(value);
		}
		return bindable;
	}

	/**
	 * Put the shared defaults in the map for every declared exchange, also those that set
	 * only keys of their protocol (such as {@code url}), which binding the map alone
	 * would leave out; the exchanges' own settings are then bound on top.
	 */
	private static void addDeclaredExchanges(Map<String, Exchange> exchanges, Binder binder) {
		Map<String, Object> declared = binder.bind(EXCHANGES, Bindable.mapOf(String.class, Object.class))
			.orElse(Map.of());
		for (String exchange : declared.keySet()) {
			exchanges.computeIfAbsent(exchange, (key) -> defaults(binder));
		}
	}

	private static Exchange defaults(Binder binder) {
		Exchange exchange = new Exchange();
		binder.bind(DEFAULTS, Bindable.ofInstance(exchange));
		return exchange;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Exchange> castExchanges(Map<?, ?> exchanges) {
		return (Map<String, Exchange>) exchanges;
	}

	/**
	 * Bind a settings group of an exchange: {@code exchange-integration.defaults.GROUP}
	 * first, then {@code exchange-integration.exchanges.NAME.GROUP} on top, so that the
	 * exchange's own setting wins.
	 * @param <S> the settings type, a JavaBean
	 * @param binder the binder
	 * @param exchange the exchange name
	 * @param group the settings group, empty for the exchange's own level
	 * @param settings the settings, holding the built-in defaults
	 * @return the settings
	 */
	public static <S> S bind(Binder binder, String exchange, String group, S settings) {
		Bindable<S> target = Bindable.ofInstance(settings);
		binder.bind(in(DEFAULTS, group), target);
		binder.bind(in(EXCHANGES.append(exchange), group), target);
		return settings;
	}

	private static ConfigurationPropertyName in(ConfigurationPropertyName root, String group) {
		return group.isEmpty() ? root : root.append(group);
	}

}
