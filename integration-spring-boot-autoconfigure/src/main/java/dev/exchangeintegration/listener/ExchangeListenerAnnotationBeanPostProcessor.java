package dev.exchangeintegration.listener;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import dev.exchangeintegration.annotation.ExchangeListener;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Finds {@link ExchangeListener} methods on beans and registers them with the
 * {@link ExchangeListenerEndpointRegistry}.
 */
public class ExchangeListenerAnnotationBeanPostProcessor implements BeanPostProcessor {

	private final Supplier<ExchangeListenerEndpointRegistry> registry;

	private final Set<Class<?>> classesWithoutListeners = ConcurrentHashMap.newKeySet();

	/**
	 * Create a new instance.
	 * @param registry supplies the registry to register endpoints with, looked up only
	 * once a listener method is found
	 */
	public ExchangeListenerAnnotationBeanPostProcessor(Supplier<ExchangeListenerEndpointRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Class<?> targetClass = AopUtils.getTargetClass(bean);
		if (this.classesWithoutListeners.contains(targetClass)) {
			return bean;
		}
		Map<Method, ExchangeListener> methods = MethodIntrospector.selectMethods(targetClass,
				(MethodIntrospector.MetadataLookup<ExchangeListener>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, ExchangeListener.class));
		if (methods.isEmpty()) {
			this.classesWithoutListeners.add(targetClass);
			return bean;
		}
		ExchangeListenerEndpointRegistry registry = this.registry.get();
		methods.forEach((method, annotation) -> {
			if (method.getParameterCount() != 1) {
				throw new BeanInitializationException("@ExchangeListener method " + targetClass.getName() + "."
						+ method.getName() + " must take exactly one parameter, the output of exchange '"
						+ annotation.value() + "', but takes " + method.getParameterCount());
			}
			Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
			registry.register(new ExchangeListenerEndpoint(annotation.value(), beanName, bean, invocable));
		});
		return bean;
	}

}
