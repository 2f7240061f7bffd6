package dev.exchangeintegration.listener;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

import dev.exchangeintegration.core.OutputContext;

import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.util.ReflectionUtils;

/**
 * Invokes a listener method for one output.
 */
@FunctionalInterface
interface ListenerInvoker {

	/**
	 * Invoke the method.
	 * @param output the output
	 * @param context where and when it came from
	 * @throws Throwable what the method threw, or why its arguments could not be resolved
	 */
	void invoke(Object output, OutputContext context) throws Throwable;

	/**
	 * Return an invoker for a method that takes the output alone: a method handle, so
	 * that nothing is allocated per output.
	 * @param bean the bean
	 * @param method the method, invocable on the bean
	 * @return the invoker
	 */
	static ListenerInvoker forOutput(Object bean, Method method) {
		ReflectionUtils.makeAccessible(method);
		MethodHandle handle;
		try {
			handle = MethodHandles.lookup()
				.unreflect(method)
				.bindTo(bean)
				.asType(MethodType.methodType(void.class, Object.class));
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("Cannot access @ExchangeListener method " + method, ex);
		}
		// a block, so that the call is a statement whose type is (Object)void
		return (output, context) -> {
			handle.invokeExact(output);
		};
	}

	/**
	 * Return an invoker that resolves the method's arguments from a
	 * {@link org.springframework.messaging.Message} of the output.
	 * @param method the method, with its argument resolvers
	 * @param listenerId the listener's id, for the
	 * {@link dev.exchangeintegration.messaging.ExchangeHeaders#LISTENER_ID} header
	 * @return the invoker
	 */
	static ListenerInvoker forMessage(InvocableHandlerMethod method, String listenerId) {
		return (output, context) -> method.invoke(ListenerMessages.create(output, context, listenerId));
	}

}
