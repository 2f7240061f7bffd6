/**
 * Exchange REST clients on Spring WebFlux's {@code WebClient}: request records, request
 * signing (each exchange's {@link dev.exchangeintegration.rest.SignatureScheme} over one
 * HMAC and one encoder), API-error parsing, rate limits and retries, as filters and small
 * pieces around the {@code WebClient}, and REST polling as a stream transport.
 */
@NullMarked
package dev.exchangeintegration.rest;

import org.jspecify.annotations.NullMarked;
