package dev.exchangeintegration.rest;

import org.jspecify.annotations.Nullable;

/**
 * An error an exchange reported in a response body.
 *
 * @param code the exchange's own error code, such as {@code -1121}, or {@code null}
 * @param message the exchange's message
 */
public record ApiError(@Nullable String code, String message) {

}
