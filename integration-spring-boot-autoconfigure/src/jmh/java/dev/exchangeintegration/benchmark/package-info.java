/**
 * The project's own benchmarks: frames per second end to end through a loopback WebSocket
 * server next to a bare Reactor Netty client, and parse plus transform under JMH.
 */
@NullMarked
package dev.exchangeintegration.benchmark;

import org.jspecify.annotations.NullMarked;
