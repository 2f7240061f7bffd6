package dev.exchangeintegration.autoconfigure;

import dev.exchangeintegration.annotation.ExchangeListener;
import dev.exchangeintegration.listener.DefaultExchangeListenerContainerFactory;
import dev.exchangeintegration.listener.ExchangeListenerAnnotationBeanPostProcessor;
import dev.exchangeintegration.listener.ExchangeListenerContainerFactory;
import dev.exchangeintegration.listener.ExchangeListenerEndpointRegistry;
import dev.exchangeintegration.listener.ExchangeStreamLookup;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ExchangeListenerConfiguration}.
 */
class ExchangeListenerConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(JacksonAutoConfiguration.class, ExchangeIntegrationAutoConfiguration.class));

	@Test
	void definesTheListenerInfrastructure() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ExchangeListenerAnnotationBeanPostProcessor.class);
			assertThat(context).hasSingleBean(ExchangeStreamLookup.class);
			assertThat(context).hasSingleBean(DefaultExchangeListenerContainerFactory.class);
			assertThat(context).hasSingleBean(ExchangeListenerEndpointRegistry.class);
		});
	}

	@Test
	void userContainerFactoryReplacesTheDefault() {
		ExchangeListenerContainerFactory factory = (endpoint, stream) -> {
			throw new UnsupportedOperationException();
		};
		this.contextRunner.withBean(ExchangeListenerContainerFactory.class, () -> factory).run((context) -> {
			assertThat(context).doesNotHaveBean(DefaultExchangeListenerContainerFactory.class);
			assertThat(context).getBean(ExchangeListenerContainerFactory.class).isSameAs(factory);
		});
	}

	@Test
	void registryFindsStreamsThroughTheExchangeStreamLookupBean() {
		this.contextRunner.withBean(ExchangeStreamLookup.class, DisabledEverywhere::new)
			.withBean(Listener.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(ExchangeStreamLookup.class)).isInstanceOf(DisabledEverywhere.class);
				ExchangeListenerEndpointRegistry registry = context.getBean(ExchangeListenerEndpointRegistry.class);
				assertThat(registry.getEndpoints()).singleElement()
					.satisfies((endpoint) -> assertThat(endpoint.exchange()).isEqualTo("elsewhere"));
				assertThat(registry.getListenerContainers()).isEmpty();
			});
	}

	static class DisabledEverywhere implements ExchangeStreamLookup {

		@Override
		public @Nullable TypedStream find(String exchange) {
			return null;
		}

		@Override
		public boolean isDisabled(String exchange) {
			return true;
		}

	}

	static class Listener {

		@ExchangeListener("elsewhere")
		void on(String text) {
		}

	}

}
