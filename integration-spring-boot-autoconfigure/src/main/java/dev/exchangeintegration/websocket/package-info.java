/**
 * Reactor Netty WebSocket transport.
 */
@NullMarked
package dev.exchangeintegration.websocket;

import org.jspecify.annotations.NullMarked;
