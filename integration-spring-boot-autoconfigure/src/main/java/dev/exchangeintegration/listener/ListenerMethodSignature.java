package dev.exchangeintegration.listener;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.exchangeintegration.messaging.ExchangeHeaders;
import org.jspecify.annotations.Nullable;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.handler.annotation.ValueConstants;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * The parameters of a listener method: exactly one for the output (the output itself or a
 * {@link Message} of it, optionally {@link Payload @Payload}), any number of
 * {@link Header @Header} ones, and {@link Headers @Headers} maps or
 * {@link MessageHeaders}. Checked when the listener is found, and against the exchange's
 * output type when its container is created.
 */
final class ListenerMethodSignature {

	private static final Set<String> KNOWN_HEADERS = knownHeaders();

	private final MethodParameter payload;

	private final boolean message;

	private final boolean outputOnly;

	private ListenerMethodSignature(MethodParameter payload, boolean message, boolean outputOnly) {
		this.payload = payload;
		this.message = message;
		this.outputOnly = outputOnly;
	}

	/**
	 * Inspect the method of a listener.
	 * @param endpoint the listener
	 * @return its signature
	 * @throws IllegalStateException if the method has not exactly one parameter for the
	 * output, or a required {@code @Header} names no known header
	 */
	static ListenerMethodSignature of(ExchangeListenerEndpoint endpoint) {
		Method method = endpoint.method();
		List<MethodParameter> payloads = new ArrayList<>();
		for (int i = 0; i < method.getParameterCount(); i++) {
			MethodParameter parameter = new MethodParameter(method, i);
			parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
			Header header = AnnotatedElementUtils.findMergedAnnotation(method.getParameters()[i], Header.class);
			if (header != null) {
				checkHeader(endpoint, parameter, header);
			}
			else if (!isHeaders(parameter)) {
				checkPayload(endpoint, parameter);
				payloads.add(parameter);
			}
		}
		if (payloads.size() != 1) {
			throw fail(endpoint,
					"must take exactly one parameter for the output or a Message of it, besides @Header parameters, but takes "
							+ (payloads.isEmpty() ? "none" : payloads.size() + ": "
									+ payloads.stream().map((each) -> each.getParameterType().getName()).toList()));
		}
		MethodParameter payload = payloads.get(0);
		boolean message = Message.class.isAssignableFrom(payload.getParameterType());
		return new ListenerMethodSignature(payload, message, !message && method.getParameterCount() == 1);
	}

	private static boolean isHeaders(MethodParameter parameter) {
		// as Spring's HeadersMethodArgumentResolver decides
		Class<?> type = parameter.getParameterType();
		return parameter.hasParameterAnnotation(Headers.class) || type == MessageHeaders.class
				|| MessageHeaderAccessor.class.isAssignableFrom(type);
	}

	private static void checkHeader(ExchangeListenerEndpoint endpoint, MethodParameter parameter, Header header) {
		String name = StringUtils.hasText(header.name()) ? header.name() : parameter.getParameterName();
		boolean required = header.required() && ValueConstants.DEFAULT_NONE.equals(header.defaultValue());
		if (required && (name == null || !KNOWN_HEADERS.contains(name))) {
			throw fail(endpoint, "has @Header(\"" + ((name != null) ? name : "") + "\") on parameter "
					+ parameter.getParameterIndex() + ", which names no known header; name one of " + KNOWN_HEADERS
					+ " (constants of " + ExchangeHeaders.class.getName() + "), or set required = false");
		}
	}

	private static void checkPayload(ExchangeListenerEndpoint endpoint, MethodParameter parameter) {
		Payload payload = AnnotatedElementUtils.findMergedAnnotation(parameter.getParameter(), Payload.class);
		if (payload != null && StringUtils.hasText(payload.expression())) {
			throw fail(endpoint, "has @Payload(expression = \"" + payload.expression() + "\") on parameter "
					+ parameter.getParameterIndex() + ", but expressions are not supported");
		}
	}

	/**
	 * Return whether the method takes the output alone, so that it can be invoked
	 * directly.
	 * @return whether the method takes the output alone
	 */
	boolean isOutputOnly() {
		return this.outputOnly;
	}

	/**
	 * Check that the exchange's outputs fit the method's parameter.
	 * @param endpoint the listener
	 * @param outputType the exchange's output type
	 * @throws IllegalStateException if they do not
	 */
	void checkOutputType(ExchangeListenerEndpoint endpoint, ResolvableType outputType) {
		Class<?> output = outputType.resolve();
		ResolvableType parameterType = ResolvableType.forMethodParameter(this.payload);
		ResolvableType accepted = this.message ? parameterType.as(Message.class).getGeneric(0) : parameterType;
		if (output != null && !ClassUtils.isAssignable(accepted.resolve(Object.class), output)) {
			String takes = this.message ? "Message<" + accepted + ">" : accepted.resolve(Object.class).getName();
			throw new IllegalStateException("@ExchangeListener method " + endpoint.methodName() + " takes " + takes
					+ " but exchange '" + endpoint.exchange() + "' emits " + outputType);
		}
	}

	static IllegalStateException fail(ExchangeListenerEndpoint endpoint, String problem) {
		return fail(endpoint.method(), endpoint.exchange(), problem);
	}

	static IllegalStateException fail(Method method, String exchange, String problem) {
		return new IllegalStateException("@ExchangeListener method " + method.getDeclaringClass().getName() + "."
				+ method.getName() + " of exchange '" + exchange + "' " + problem);
	}

	private static Set<String> knownHeaders() {
		Set<String> names = new TreeSet<>();
		for (Field field : ExchangeHeaders.class.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
					&& !field.getName().equals("PREFIX")) {
				names.add((String) getStatic(field));
			}
		}
		return names;
	}

	private static @Nullable Object getStatic(Field field) {
		try {
			return field.get(null);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
