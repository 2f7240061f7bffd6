package dev.exchangeintegration.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points exchanges of a Spring test's application context at a {@link FakeExchange}: one
 * fake exchange is started for the context, registered in it as a bean (inject it with
 * {@code @Autowired FakeExchange exchange}), and each named exchange becomes a WebSocket
 * exchange ({@code protocol: websocket}) of its {@link FakeExchange#url() URL}, over
 * whatever the configuration says, such as {@code protocol: replay}; its other settings
 * (subscriptions, acknowledgements, transformer...) stay. The fake exchange stops when
 * the context closes. No {@code @DynamicPropertySource} needed.
 *
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;AutoConfigureFakeExchange("binance-futures")
 * class VolumeTests {
 *
 *     &#64;Autowired
 *     FakeExchange exchange;
 *
 * }
 * </pre>
 *
 * Contexts that Spring's test context cache shares share their fake exchange too: call
 * {@link FakeExchange#reset()} where a test needs a clean slate.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureFakeExchange {

	/**
	 * Return the names of the exchanges to point at the fake exchange, as declared under
	 * {@code exchange-integration.exchanges}.
	 * @return the exchange names
	 */
	String[] value();

}
