package dev.exchangeintegration.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Creates the {@link FakeExchangeContextCustomizer} of a test class annotated with
 * {@link AutoConfigureFakeExchange}. Registered in {@code META-INF/spring.factories}.
 */
class FakeExchangeContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		AutoConfigureFakeExchange annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigureFakeExchange.class);
		return (annotation != null) ? new FakeExchangeContextCustomizer(List.of(annotation.value())) : null;
	}

}
