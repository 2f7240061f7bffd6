package dev.exchangeintegration.autoconfigure;

import dev.exchangeintegration.core.ExchangeStream;
import dev.exchangeintegration.listener.ExchangeStreamLookup;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Finds the stream bean of an exchange through its merged {@link ExchangeDefinitions
 * definition}, typed by the definition's output type. The definitions are resolved on
 * first use: listener beans, created before, may define the parsers and transformers that
 * the definitions need.
 */
final class BeanFactoryExchangeStreamLookup implements ExchangeStreamLookup {

	private final BeanFactory beanFactory;

	private final ObjectProvider<ExchangeDefinitions> definitions;

	/**
	 * Create a new instance.
	 * @param beanFactory the bean factory holding the stream beans
	 * @param definitions the merged definitions of the configured exchanges
	 */
	BeanFactoryExchangeStreamLookup(BeanFactory beanFactory, ObjectProvider<ExchangeDefinitions> definitions) {
		this.beanFactory = beanFactory;
		this.definitions = definitions;
	}

	@Override
	public @Nullable TypedStream find(String exchange) {
		return this.definitions.getObject()
			.find(exchange)
			.map((definition) -> new TypedStream(
					this.beanFactory.getBean(definition.streamBeanName(), ExchangeStream.class),
					definition.outputType()))
			.orElse(null);
	}

	@Override
	public boolean isDisabled(String exchange) {
		return this.definitions.getObject().disabled().contains(exchange);
	}

}
