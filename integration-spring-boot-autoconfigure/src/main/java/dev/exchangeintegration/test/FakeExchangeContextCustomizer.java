package dev.exchangeintegration.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts a {@link FakeExchange} for a test's context, registers it as the bean
 * {@value #BEAN_NAME}, stopped when the context closes, after the exchanges' streams, and
 * makes the named exchanges WebSocket exchanges of its {@code url}, ahead of every other
 * property source.
 *
 * @param exchanges the names of the exchanges to point at the fake exchange
 */
record FakeExchangeContextCustomizer(List<String> exchanges) implements ContextCustomizer {

	static final String BEAN_NAME = "fakeExchange";

	private static final String PROPERTY_SOURCE = "fakeExchange";

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		FakeExchange exchange = FakeExchange.start();
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		beanFactory.registerSingleton(BEAN_NAME, exchange);
		if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
			registry.registerDisposableBean(BEAN_NAME, exchange::close);
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		for (String name : this.exchanges) {
			properties.put("exchange-integration.exchanges." + name + ".protocol", "websocket");
			properties.put("exchange-integration.exchanges." + name + ".url", exchange.url());
		}
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
	}

}
