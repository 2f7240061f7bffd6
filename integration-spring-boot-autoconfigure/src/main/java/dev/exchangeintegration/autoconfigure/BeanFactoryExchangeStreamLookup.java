package dev.exchangeintegration.autoconfigure;

import java.util.Set;

import dev.exchangeintegration.core.ExchangeStream;
import dev.exchangeintegration.listener.ExchangeStreamLookup;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.ResolvableType;

/**
 * Finds the {@code NAME.exchangeStream} bean of an exchange, typed by its bean
 * definition.
 */
final class BeanFactoryExchangeStreamLookup implements ExchangeStreamLookup {

	private final ConfigurableListableBeanFactory beanFactory;

	private final Set<String> disabled;

	/**
	 * Create a new instance.
	 * @param beanFactory the bean factory holding the stream beans
	 * @param disabled the names of the exchanges configured but disabled
	 */
	BeanFactoryExchangeStreamLookup(ConfigurableListableBeanFactory beanFactory, Set<String> disabled) {
		this.beanFactory = beanFactory;
		this.disabled = disabled;
	}

	@Override
	public @Nullable TypedStream find(String exchange) {
		String beanName = ExchangeStreamBeanNames.stream(exchange);
		if (!this.beanFactory.containsBean(beanName)) {
			return null;
		}
		ResolvableType output = this.beanFactory.getMergedBeanDefinition(beanName)
			.getResolvableType()
			.as(ExchangeStream.class)
			.getGeneric(0);
		return new TypedStream(this.beanFactory.getBean(beanName, ExchangeStream.class), output);
	}

	@Override
	public boolean isDisabled(String exchange) {
		return this.disabled.contains(exchange);
	}

}
