package dev.exchangeintegration.autoconfigure;

import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.exchangeintegration.autoconfigure.transport.ExchangeTransportDecorator;
import dev.exchangeintegration.autoconfigure.transport.ExchangeTransportFactory;
import dev.exchangeintegration.core.DefaultExchangeStream;
import tools.jackson.databind.JsonNode;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.BindableRuntimeHintsRegistrar;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Registers the runtime hints of what exchange streams reflect on: the type each stream
 * parses its frames into (a transformer's input type or a {@code message-type}), bound by
 * Jackson with its subtypes, or, for a protobuf message, its {@code getDefaultInstance()}
 * method.
 */
final class ExchangeStreamHints {

	private static final String PROTOBUF_MESSAGE = "com.google.protobuf.MessageLite";

	private final BindingReflectionHintsRegistrar bindingHints = new BindingReflectionHintsRegistrar();

	private final RuntimeHints hints;

	private final Set<Class<?>> seen = new HashSet<>();

	private ExchangeStreamHints(RuntimeHints hints) {
		this.hints = hints;
	}

	/**
	 * Register the hints of every exchange stream bean of a bean factory.
	 * @param hints the hints to add to
	 * @param beanFactory the bean factory, with the streams' bean definitions
	 */
	static void register(RuntimeHints hints, ConfigurableListableBeanFactory beanFactory) {
		ExchangeStreamHints registrar = new ExchangeStreamHints(hints);
		for (String name : beanFactory.getBeanNamesForType(DefaultExchangeStream.class, true, false)) {
			ResolvableType stream = beanFactory.getMergedBeanDefinition(name)
				.getResolvableType()
				.as(DefaultExchangeStream.class);
			registrar.registerInput(stream.getGeneric(0), beanFactory.getBeanClassLoader());
		}
		registerSettings(hints, beanFactory, ExchangeTransportFactory.class);
		registerSettings(hints, beanFactory, ExchangeTransportDecorator.class);
	}

	/**
	 * Transports and their decorators bind their settings with the Binder, outside any
	 * {@code @ConfigurationProperties} bean.
	 */
	private static void registerSettings(RuntimeHints hints, ConfigurableListableBeanFactory beanFactory,
			Class<?> settingsOwner) {
		for (String name : beanFactory.getBeanNamesForType(settingsOwner, true, false)) {
			Class<?> owner = beanFactory.getType(name);
			Class<?> settings = (owner != null) ? ResolvableType.forClass(owner).as(settingsOwner).resolveGeneric(0)
					: null;
			if (settings != null) {
				BindableRuntimeHintsRegistrar.forTypes(settings).registerHints(hints);
			}
		}
	}

	private void registerInput(ResolvableType input, ClassLoader classLoader) {
		Class<?> type = input.resolve();
		if (type == null || type == String.class || type == byte[].class || JsonNode.class.isAssignableFrom(type)) {
			return;
		}
		if (ClassUtils.isPresent(PROTOBUF_MESSAGE, classLoader) && isProtobufMessage(type, classLoader)) {
			this.hints.reflection()
				.registerMethod(ReflectionUtils.findMethod(type, "getDefaultInstance"), ExecutableMode.INVOKE);
			return;
		}
		this.bindingHints.registerReflectionHints(this.hints.reflection(), input.getType());
		registerSubtypes(type);
	}

	private static boolean isProtobufMessage(Class<?> type, ClassLoader classLoader) {
		return ClassUtils.resolveClassName(PROTOBUF_MESSAGE, classLoader).isAssignableFrom(type)
				&& ReflectionUtils.findMethod(type, "getDefaultInstance") != null;
	}

	private void registerSubtypes(Class<?> type) {
		if (!this.seen.add(type)) {
			return;
		}
		Set<Class<?>> subtypes = new HashSet<>();
		if (type.isSealed()) {
			subtypes.addAll(java.util.List.of(type.getPermittedSubclasses()));
		}
		JsonSubTypes declared = type.getAnnotation(JsonSubTypes.class);
		if (declared != null) {
			for (JsonSubTypes.Type subtype : declared.value()) {
				subtypes.add(subtype.value());
			}
		}
		for (Class<?> subtype : subtypes) {
			this.bindingHints.registerReflectionHints(this.hints.reflection(), subtype);
			registerSubtypes(subtype);
		}
	}

}
