package dev.exchangeintegration.autoconfigure;

import dev.exchangeintegration.annotation.ExchangeListener;
import dev.exchangeintegration.messaging.ExchangeHeaders;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.annotation.ReflectiveRuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hints that AOT processing registers for listeners, so that they work in a native
 * image.
 */
class ExchangeListenerRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	@Test
	void listenerMethodsCanBeInvokedReflectively() {
		new ReflectiveRuntimeHintsRegistrar().registerRuntimeHints(this.hints, Listener.class);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Listener.class, "on")).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Listener.class, "notAListener"))
			.rejects(this.hints);
	}

	@Test
	void headerNamesCanBeReadReflectively() {
		new ReflectiveRuntimeHintsRegistrar().registerRuntimeHints(this.hints, ExchangeListenerConfiguration.class);
		assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(ExchangeHeaders.class, "RECEIVED_AT"))
			.accepts(this.hints);
	}

	static class Listener {

		@ExchangeListener("feed")
		void on(String text) {
		}

		void notAListener(String text) {
		}

	}

}
