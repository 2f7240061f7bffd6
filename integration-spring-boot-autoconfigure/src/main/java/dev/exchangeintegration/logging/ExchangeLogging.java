package dev.exchangeintegration.logging;

import java.util.function.Supplier;

import dev.exchangeintegration.core.Excerpts;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.util.ClassUtils;

/**
 * Writes the starter's log lines about a stream with the exchange name in the MDC under
 * {@value #MDC_KEY}, so that Spring Boot's structured logging
 * ({@code logging.structured.format.console=ecs} or {@code logstash}) emits it as a
 * field, and with exchange-supplied text escaped (see {@link Excerpts}): an exchange
 * cannot forge a log line. Without SLF4J on the class path, lines are logged without the
 * key.
 */
public final class ExchangeLogging {

	/**
	 * MDC key of the exchange name: {@value}.
	 */
	public static final String MDC_KEY = "exchange";

	private static final boolean MDC_PRESENT = ClassUtils.isPresent("org.slf4j.MDC",
			ExchangeLogging.class.getClassLoader());

	private ExchangeLogging() {
	}

	/**
	 * Log at INFO, if enabled, with the exchange in the MDC.
	 * @param logger the logger
	 * @param exchange the exchange name
	 * @param message the message, escaped before it is logged
	 */
	public static void info(Log logger, String exchange, Supplier<String> message) {
		if (logger.isInfoEnabled()) {
			withExchange(exchange, () -> logger.info(Excerpts.escape(message.get())));
		}
	}

	/**
	 * Log at WARN, if enabled, with the exchange in the MDC.
	 * @param logger the logger
	 * @param exchange the exchange name
	 * @param message the message, escaped before it is logged
	 * @param ex the exception to log with its stack trace, or {@code null}
	 */
	public static void warn(Log logger, String exchange, Supplier<String> message, @Nullable Throwable ex) {
		if (logger.isWarnEnabled()) {
			withExchange(exchange, () -> logger.warn(Excerpts.escape(message.get()), ex));
		}
	}

	/**
	 * Return a copy of {@code ex} to log with its stack trace: the same stack traces,
	 * with the messages of it and of its causes escaped.
	 * @param ex the exception
	 * @return the copy
	 */
	public static Throwable escaped(Throwable ex) {
		return new EscapedThrowable(ex, 0);
	}

	/**
	 * Run {@code action} with the exchange name in the MDC under {@value #MDC_KEY}, then
	 * restore what was there.
	 * @param exchange the exchange name
	 * @param action what to run, typically a log call
	 */
	public static void withExchange(String exchange, Runnable action) {
		if (!MDC_PRESENT) {
			action.run();
			return;
		}
		Mdc.run(exchange, action);
	}

	/**
	 * A throwable that prints as another does, escaped.
	 */
	private static final class EscapedThrowable extends Throwable {

		private static final int MAX_CAUSES = 8;

		EscapedThrowable(Throwable ex, int depth) {
			super(Excerpts.escape(ex.toString()), (ex.getCause() != null && ex.getCause() != ex && depth < MAX_CAUSES)
					? new EscapedThrowable(ex.getCause(), depth + 1) : null, false, true);
			setStackTrace(ex.getStackTrace());
		}

		@Override
		public String toString() {
			return String.valueOf(getMessage());
		}

	}

	/**
	 * Isolates the SLF4J types, so that this class loads without them.
	 */
	private static final class Mdc {

		static void run(String exchange, Runnable action) {
			String previous = MDC.get(MDC_KEY);
			MDC.put(MDC_KEY, exchange);
			try {
				action.run();
			}
			finally {
				if (previous != null) {
					MDC.put(MDC_KEY, previous);
				}
				else {
					MDC.remove(MDC_KEY);
				}
			}
		}

	}

}
