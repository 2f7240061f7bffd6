package dev.exchangeintegration.listener;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.exchangeintegration.annotation.ExchangeListener;
import dev.exchangeintegration.core.OverflowPolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.StringUtils;

/**
 * Finds {@link ExchangeListener} methods on beans, resolves their attributes (property
 * placeholders included) into an {@link ExchangeListenerEndpoint}, checks the method's
 * parameters, and registers it with the {@link ExchangeListenerEndpointRegistry}. A
 * listener found on a bean created after the registry started is started at once.
 */
public class ExchangeListenerAnnotationBeanPostProcessor implements BeanPostProcessor, BeanFactoryAware {

	private final Supplier<ExchangeListenerEndpointRegistry> registry;

	private final Set<Class<?>> classesWithoutListeners = ConcurrentHashMap.newKeySet();

	private final Map<String, AtomicInteger> instances = new ConcurrentHashMap<>();

	private @Nullable ConfigurableListableBeanFactory beanFactory;

	/**
	 * Create a new instance.
	 * @param registry supplies the registry to register endpoints with, looked up only
	 * once a listener method is found
	 */
	public ExchangeListenerAnnotationBeanPostProcessor(Supplier<ExchangeListenerEndpointRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		if (beanFactory instanceof ConfigurableListableBeanFactory configurable) {
			this.beanFactory = configurable;
		}
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
		Set<String> overloaded = overloaded(methods.keySet());
		methods.forEach((method, annotation) -> registry
			.register(endpoint(bean, beanName, method, annotation, overloaded.contains(method.getName()))));
		return bean;
	}

	private static Set<String> overloaded(Set<Method> methods) {
		Set<String> names = new HashSet<>();
		return methods.stream().map(Method::getName).filter((name) -> !names.add(name)).collect(Collectors.toSet());
	}

	private ExchangeListenerEndpoint endpoint(Object bean, String beanName, Method method, ExchangeListener annotation,
			boolean overloaded) {
		Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
		String exchange = resolve(annotation.value());
		try {
			String id = StringUtils.hasText(annotation.id()) ? resolve(annotation.id())
					: defaultId(beanName, method, overloaded);
			ExchangeListenerEndpoint endpoint = new ExchangeListenerEndpoint(id, exchange, beanName, bean, invocable,
					autoStartup(resolve(annotation.autoStartup()), method, exchange),
					emptyToNull(annotation.errorHandler()), overflow(annotation, method, exchange),
					annotation.direct());
			ListenerMethodSignature.of(endpoint);
			return endpoint;
		}
		catch (IllegalStateException ex) {
			throw new BeanInitializationException(ex.getMessage());
		}
	}

	/**
	 * Return {@code beanName.methodName}, or {@code beanName.methodName(Type,Type)} for a
	 * listener method that has an overloaded listener method, suffixed {@code #2},
	 * {@code #3}... for the second, third... instance of a bean that is not a singleton.
	 */
	private String defaultId(String beanName, Method method, boolean overloaded) {
		String id = beanName + "." + method.getName();
		if (overloaded) {
			id += Arrays.stream(method.getParameterTypes())
				.map(Class::getSimpleName)
				.collect(Collectors.joining(",", "(", ")"));
		}
		if (isSingleton(beanName)) {
			return id;
		}
		int instance = this.instances.computeIfAbsent(id, (key) -> new AtomicInteger()).incrementAndGet();
		return (instance == 1) ? id : id + "#" + instance;
	}

	private boolean isSingleton(String beanName) {
		ConfigurableListableBeanFactory factory = this.beanFactory;
		return factory == null || !factory.containsBeanDefinition(beanName)
				|| factory.getMergedBeanDefinition(beanName).isSingleton();
	}

	private static boolean autoStartup(String value, Method method, String exchange) {
		if ("true".equalsIgnoreCase(value.trim())) {
			return true;
		}
		if ("false".equalsIgnoreCase(value.trim())) {
			return false;
		}
		throw ListenerMethodSignature.fail(method, exchange,
				"has autoStartup \"" + value + "\"; use \"true\" or \"false\"");
	}

	private @Nullable OverflowPolicy overflow(ExchangeListener annotation, Method method, String exchange) {
		String value = resolve(annotation.overflow());
		if (!StringUtils.hasText(value)) {
			return null;
		}
		if (annotation.direct()) {
			throw ListenerMethodSignature.fail(method, exchange, "has overflow \"" + value
					+ "\", but it is direct: it has no buffer to overflow; remove one of the two");
		}
		String name = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
		for (OverflowPolicy policy : OverflowPolicy.values()) {
			if (policy.name().equals(name)) {
				return policy;
			}
		}
		throw ListenerMethodSignature.fail(method, exchange,
				"has overflow \"" + value + "\"; use one of "
						+ Arrays.stream(OverflowPolicy.values())
							.map(ExchangeListenerAnnotationBeanPostProcessor::kebab)
							.toList());
	}

	private static String kebab(OverflowPolicy policy) {
		return policy.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	private @Nullable String emptyToNull(String value) {
		String resolved = resolve(value);
		return StringUtils.hasText(resolved) ? resolved : null;
	}

	private String resolve(String value) {
		ConfigurableListableBeanFactory factory = this.beanFactory;
		String resolved = (factory != null) ? factory.resolveEmbeddedValue(value) : value;
		return (resolved != null) ? resolved : value;
	}

}
