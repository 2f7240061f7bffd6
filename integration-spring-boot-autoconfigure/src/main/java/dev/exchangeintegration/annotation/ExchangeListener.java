package dev.exchangeintegration.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method as a listener for the outputs of an exchange stream.
 * <p>
 * The method takes exactly one parameter, to which the exchange's output type must be
 * assignable. Each listener method has its own thread and its own bounded buffer: it
 * receives the outputs in arrival order, off the transport's I/O thread, and a slow
 * listener delays no other listener. An exception thrown by the method is reported as an
 * {@link dev.exchangeintegration.event.ExchangeErrorEvent} and the next output is
 * delivered.
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
public @interface ExchangeListener {

	/**
	 * The name of the exchange, as configured under
	 * {@code exchange-integration.exchanges}.
	 * @return the exchange name
	 */
	String value();

}
