package dev.exchangeintegration.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.aot.hint.annotation.Reflective;

/**
 * Marks a bean method as a listener for the outputs of an exchange stream.
 * <p>
 * The method takes the output, to which the exchange's output type must be assignable, or
 * a {@code org.springframework.messaging.Message} of it; either may be marked
 * {@code @Payload}, and be followed by {@code @Header} parameters named by
 * {@link dev.exchangeintegration.messaging.ExchangeHeaders}. A method that takes the
 * output alone is invoked without any allocation per output.
 * <p>
 * Each listener runs in a container, found by its {@link #id()} in the
 * {@code ExchangeListenerEndpointRegistry}, that can be stopped, started, paused and
 * resumed. By default it has its own thread and its own bounded buffer: it receives the
 * outputs in arrival order, off the transport's thread, and a slow listener delays no
 * other listener. An exception thrown by the method goes to the {@link #errorHandler()},
 * or else is reported as an {@link dev.exchangeintegration.event.ExchangeErrorEvent};
 * either way the next output is delivered.
 *
 * <pre class="code">
 * &#64;ExchangeListener("binance")
 * void onTrade(Trade trade) {
 *     ...
 * }
 * </pre>
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Reflective
public @interface ExchangeListener {

	/**
	 * The name of the exchange, as configured under
	 * {@code exchange-integration.exchanges}. Property placeholders are resolved.
	 * @return the exchange name
	 */
	String value();

	/**
	 * The id of the listener's container, unique in the application. Property
	 * placeholders are resolved. By default {@code beanName.methodName}, or
	 * {@code beanName.methodName(Type,Type)} for overloaded listener methods; a bean that
	 * is not a singleton gets {@code beanName.methodName#2}, {@code #3}... for its
	 * second, third... instance. An explicit id on such a bean fails for its second
	 * instance, as for any duplicate id.
	 * @return the id, or empty for the default
	 */
	String id() default "";

	/**
	 * Whether the container starts with the application: {@code "true"} or
	 * {@code "false"}, or a property placeholder resolving to either. {@code "true"} by
	 * default. A container that does not start automatically is started with
	 * {@code ExchangeListenerEndpointRegistry.getListenerContainer(id).start()}.
	 * @return whether to start automatically
	 */
	String autoStartup() default "true";

	/**
	 * The name of an {@code ExchangeListenerErrorHandler} bean that handles the
	 * exceptions thrown by this listener. Property placeholders are resolved. By default
	 * each exception is reported as an {@code ExchangeErrorEvent} of kind
	 * {@code LISTENER}.
	 * @return the bean name, or empty for the default
	 */
	String errorHandler() default "";

	/**
	 * What happens when this listener falls its buffer's size behind:
	 * {@code backpressure}, {@code drop-oldest}, {@code drop-latest} or {@code error}, as
	 * for the exchange's {@code overflow} property, or a property placeholder resolving
	 * to one of them. By default, the exchange's policy. Not allowed with
	 * {@link #direct()}, which has no buffer.
	 * @return the overflow policy, or empty for the exchange's
	 */
	String overflow() default "";

	/**
	 * Whether the listener runs on the transport's thread, as each output is produced,
	 * with no buffer and no thread of its own, as a Kafka listener runs on its consumer's
	 * thread. It is the fastest delivery, but a slow listener then slows the whole feed:
	 * the transport reads the next frame, and the transformer and every other consumer of
	 * the exchange see the next output, only once the listener has returned.
	 * {@code false} by default.
	 * @return whether delivery is direct
	 */
	boolean direct() default false;

}
