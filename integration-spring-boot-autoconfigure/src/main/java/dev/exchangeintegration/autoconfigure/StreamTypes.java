package dev.exchangeintegration.autoconfigure;

import java.util.Arrays;
import java.util.Map;

import dev.exchangeintegration.autoconfigure.ExchangeIntegrationProperties.Exchange;
import dev.exchangeintegration.core.ProtocolParser;
import dev.exchangeintegration.core.Transformer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * The message and output types of one exchange stream, resolved from its configuration
 * while beans are registered (at build time under AOT): from the transformer's generic
 * signature, the {@code message-type}, or else the parser's own type.
 *
 * @param input the type frames are parsed into
 * @param output the type of the outputs
 * @param transformerBean the name of the transformer bean, or {@code null} when the
 * parsed message is the output
 */
public record StreamTypes(ResolvableType input, ResolvableType output, @Nullable String transformerBean) {

	/**
	 * The type of the built-in formats when there is neither a transformer nor a
	 * {@code message-type}. Other formats need one of them.
	 */
	private static final Map<String, Class<?>> FORMAT_TYPES = Map.of("json", JsonNode.class, "text", String.class,
			"bytes", byte[].class);

	static StreamTypes resolve(Exchange exchange, ExchangeSettingsContext context,
			ConfigurableListableBeanFactory beanFactory, @Nullable ClassLoader classLoader) {
		String transformer = StringUtils.hasText(exchange.getTransformer()) ? exchange.getTransformer() : null;
		String messageType = StringUtils.hasText(exchange.getMessageType()) ? exchange.getMessageType() : null;
		if (transformer != null && messageType != null) {
			throw context.mutuallyExclusive("transformer", "message-type");
		}
		if (transformer != null) {
			return transformerTypes(transformer, context, beanFactory);
		}
		ResolvableType type = (messageType != null) ? ResolvableType.forClass(load(messageType, context, classLoader))
				: parserType(exchange.getParser(), context, beanFactory);
		return new StreamTypes(type, type, null);
	}

	private static StreamTypes transformerTypes(String beanName, ExchangeSettingsContext context,
			ConfigurableListableBeanFactory beanFactory) {
		String property = context.property("transformer");
		if (!beanFactory.containsBean(beanName)) {
			throw context.invalid("transformer", beanName, "No Transformer bean named '" + beanName + "'.",
					"Define a Transformer bean named '" + beanName + "', or set " + property + " to one of "
							+ Arrays.toString(beanFactory.getBeanNamesForType(Transformer.class, true, false)) + ".");
		}
		Class<?> beanType = beanFactory.getType(beanName);
		if (beanType == null || !Transformer.class.isAssignableFrom(beanType)) {
			throw context.invalid("transformer", beanName,
					"Bean '" + beanName + "' is not a Transformer but a " + beanType + ".",
					"Set " + property + " to the name of a bean that implements " + Transformer.class.getName() + ".");
		}
		ResolvableType type = declaredType(beanFactory, beanName, beanType, Transformer.class);
		ResolvableType input = type.getGeneric(0);
		ResolvableType output = type.getGeneric(1);
		if (input.resolve() == null || output.resolve() == null) {
			throw context.invalid("transformer", beanName,
					"Cannot resolve the input and output types of Transformer bean '" + beanName
							+ "': it is declared as " + type + ", a raw or generic type such as a lambda"
							+ " returned as a raw Transformer.",
					"Declare the @Bean method's return type with its type arguments, for example"
							+ " Transformer<MyMessage, MyOutput>, or implement Transformer<MyMessage, MyOutput> in a class.");
		}
		return new StreamTypes(input, output, beanName);
	}

	private static ResolvableType parserType(String parser, ExchangeSettingsContext context,
			ConfigurableListableBeanFactory beanFactory) {
		Class<?> formatType = FORMAT_TYPES.get(parser);
		if (formatType != null) {
			return ResolvableType.forClass(formatType);
		}
		Class<?> beanType = beanFactory.containsBean(parser) ? beanFactory.getType(parser) : null;
		if (beanType != null && ProtocolParser.class.isAssignableFrom(beanType)) {
			ResolvableType output = declaredType(beanFactory, parser, beanType, ProtocolParser.class).getGeneric(0);
			if (output.resolve() != null) {
				return output;
			}
		}
		throw context.invalid("message-type", null,
				"Exchange '" + context.exchange() + "' has neither a transformer nor a message-type, and its parser '"
						+ parser + "' has no type of its own.",
				"Set " + context.property("message-type") + " to the class to parse frames into, or set "
						+ context.property("transformer") + ".");
	}

	/**
	 * Return the type of a bean as the given interface, from its declaration (a
	 * {@code @Bean} method's generic return type) or else from its class.
	 */
	static ResolvableType declaredType(ConfigurableListableBeanFactory beanFactory, String beanName, Class<?> beanType,
			Class<?> type) {
		ResolvableType declared;
		try {
			declared = beanFactory.getMergedBeanDefinition(beanName).getResolvableType().as(type);
		}
		catch (NoSuchBeanDefinitionException ex) {
			declared = ResolvableType.NONE;
		}
		if (declared == ResolvableType.NONE || !genericsResolved(declared)) {
			declared = ResolvableType.forClass(beanType).as(type);
		}
		return declared;
	}

	private static boolean genericsResolved(ResolvableType type) {
		for (ResolvableType generic : type.getGenerics()) {
			if (generic.resolve() == null) {
				return false;
			}
		}
		return true;
	}

	private static Class<?> load(String className, ExchangeSettingsContext context, @Nullable ClassLoader classLoader) {
		try {
			return ClassUtils.forName(className, classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw context.invalid("message-type", className, "Class '" + className + "' cannot be loaded: " + ex + ".",
					"Set " + context.property("message-type")
							+ " to the fully qualified name of a class on the classpath.",
					ex);
		}
	}

}
