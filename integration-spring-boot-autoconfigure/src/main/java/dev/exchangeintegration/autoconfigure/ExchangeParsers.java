package dev.exchangeintegration.autoconfigure;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.exchangeintegration.autoconfigure.parser.ExchangeParserFactory;
import dev.exchangeintegration.autoconfigure.parser.ParserTypes;
import dev.exchangeintegration.core.ProtocolParser;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.ResolvableType;

/**
 * The parsers of exchanges: a format's factory, or a {@link ProtocolParser} bean whose
 * output fits the type the exchange parses into.
 */
final class ExchangeParsers {

	private final Map<String, ExchangeParserFactory> factories = new LinkedHashMap<>();

	private final ConfigurableListableBeanFactory beanFactory;

	/**
	 * Create a new instance.
	 * @param factories the factories, in order: the first one for a format wins
	 * @param beanFactory the bean factory that parser beans are found in
	 */
	ExchangeParsers(List<ExchangeParserFactory> factories, ConfigurableListableBeanFactory beanFactory) {
		factories.forEach((factory) -> this.factories.putIfAbsent(factory.format(), factory));
		this.beanFactory = beanFactory;
	}

	ProtocolParser<?> create(String parser, ResolvableType input, ExchangeSettingsContext context) {
		ExchangeParserFactory factory = this.factories.get(parser);
		if (factory != null) {
			return factory.create(input, context);
		}
		Class<?> beanType = this.beanFactory.containsBean(parser) ? this.beanFactory.getType(parser) : null;
		if (beanType == null || !ProtocolParser.class.isAssignableFrom(beanType)) {
			throw context.invalid("parser", parser,
					"Exchange '" + context.exchange() + "' has parser '" + parser
							+ "', which is neither a format nor a ProtocolParser bean.",
					"Use one of " + this.factories.keySet() + ", or the name of a ProtocolParser bean such as "
							+ Arrays.toString(this.beanFactory.getBeanNamesForType(ProtocolParser.class, true, false))
							+ ".");
		}
		ResolvableType output = StreamTypes.declaredType(this.beanFactory, parser, beanType, ProtocolParser.class)
			.getGeneric(0);
		ParserTypes.requireAssignable(context, parser, output, input);
		return this.beanFactory.getBean(parser, ProtocolParser.class);
	}

}
