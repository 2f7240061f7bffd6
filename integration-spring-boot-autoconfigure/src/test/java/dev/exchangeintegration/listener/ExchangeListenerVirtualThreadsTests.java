package dev.exchangeintegration.listener;

import java.lang.reflect.Method;

import dev.exchangeintegration.listener.Feed.Reference;
import dev.exchangeintegration.test.TestWebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Listener threads are virtual threads when {@code spring.threads.virtual.enabled} is set
 * and the JDK has them, and named after the listener either way.
 */
class ExchangeListenerVirtualThreadsTests {

	private final TestWebSocketServer server = new TestWebSocketServer();

	private final ApplicationContextRunner contextRunner = Feed.contextRunner(this.server)
		.withBean("reference", Reference.class);

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void withVirtualThreadsEnabledListenersRunOnVirtualThreadsNamedAfterTheirId() {
		this.contextRunner.withPropertyValues("spring.threads.virtual.enabled=true").run((context) -> {
			Reference reference = context.getBean(Reference.class);
			this.server.awaitReceived(1);
			Feed.send(this.server, 1, 3);
			Feed.awaitSize(reference.texts, 3);
			assertThat(reference.texts).containsExactly("1", "2", "3");
			assertThat(reference.threads).allSatisfy((thread) -> {
				assertThat(isVirtual(thread)).isTrue();
				assertThat(thread.getName()).isEqualTo("exchange-listener-reference.on");
			});
		});
	}

	@Test
	void withoutVirtualThreadsListenersRunOnPlatformDaemonThreadsNamedAfterTheirId() {
		this.contextRunner.run((context) -> {
			Reference reference = context.getBean(Reference.class);
			this.server.awaitReceived(1);
			Feed.send(this.server, 1, 3);
			Feed.awaitSize(reference.texts, 3);
			assertThat(reference.threads).allSatisfy((thread) -> {
				assertThat(isVirtual(thread)).isFalse();
				assertThat(thread.isDaemon()).isTrue();
				assertThat(thread.getName()).isEqualTo("exchange-listener-reference.on");
			});
		});
	}

	private static boolean isVirtual(Thread thread) throws Exception {
		Method isVirtual;
		try {
			isVirtual = Thread.class.getMethod("isVirtual");
		}
		catch (NoSuchMethodException ex) {
			// before Java 21 every thread is a platform thread
			return false;
		}
		return (boolean) isVirtual.invoke(thread);
	}

}
