package dev.exchangeintegration.listener;

import java.lang.reflect.Method;

/**
 * A listener method found on a bean.
 *
 * @param exchange the name of the exchange it listens to
 * @param beanName the name of the bean
 * @param bean the bean, possibly a proxy
 * @param method the method to invoke, invocable on {@code bean}
 */
public record ExchangeListenerEndpoint(String exchange, String beanName, Object bean, Method method) {

	/**
	 * Return a readable identifier, {@code Type.method}.
	 * @return the identifier
	 */
	public String id() {
		return this.method.getDeclaringClass().getSimpleName() + "." + this.method.getName();
	}

}
