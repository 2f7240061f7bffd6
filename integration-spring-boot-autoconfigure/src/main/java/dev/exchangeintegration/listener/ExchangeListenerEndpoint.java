package dev.exchangeintegration.listener;

import java.lang.reflect.Method;

import dev.exchangeintegration.core.OverflowPolicy;
import org.jspecify.annotations.Nullable;

/**
 * A listener method found on a bean, with its {@code @ExchangeListener} attributes
 * resolved: what a container is created from.
 *
 * @param id the listener's id, unique in the application
 * @param exchange the name of the exchange it listens to
 * @param beanName the name of the bean
 * @param bean the bean, possibly a proxy
 * @param method the method to invoke, invocable on {@code bean}
 * @param autoStartup whether its container starts with the application
 * @param errorHandler the name of its {@link ExchangeListenerErrorHandler} bean, or
 * {@code null} to report its exceptions as errors of the exchange
 * @param overflow its overflow policy, or {@code null} for the exchange's
 * @param direct whether it runs on the transport's thread
 */
public record ExchangeListenerEndpoint(String id, String exchange, String beanName, Object bean, Method method,
		boolean autoStartup, @Nullable String errorHandler, @Nullable OverflowPolicy overflow, boolean direct) {

	/**
	 * Return the method's qualified name, {@code com.example.Type.method}, for messages.
	 * @return the method's name
	 */
	public String methodName() {
		return this.method.getDeclaringClass().getName() + "." + this.method.getName();
	}

}
