/**
 * Support for applications' own tests: {@link FakeExchange}, a loopback WebSocket
 * exchange that is also a JUnit 5 extension, and {@link AutoConfigureFakeExchange}, which
 * points declared exchanges of a Spring test's context at one. Needs only
 * {@code spring-boot-starter-test} on the test class path.
 */
@NullMarked
package dev.exchangeintegration.test;

import org.jspecify.annotations.NullMarked;
