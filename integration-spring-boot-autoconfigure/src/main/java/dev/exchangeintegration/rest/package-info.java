/**
 * Exchange REST clients: request records, request signing, API-error parsing, rate limits
 * and retries, and REST polling as a stream transport.
 */
@NullMarked
package dev.exchangeintegration.rest;

import org.jspecify.annotations.NullMarked;
