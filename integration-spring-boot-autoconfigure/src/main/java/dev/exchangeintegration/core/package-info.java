/**
 * Protocol-agnostic core of an exchange integration: an inner transport, a protocol
 * parser and a stateful transformer. Depends on Reactor and Jackson only.
 */
@NullMarked
package dev.exchangeintegration.core;

import org.jspecify.annotations.NullMarked;
