/**
 * Auto-configuration of the exchange REST clients: their properties, their bean
 * registration, and their creation on Spring Boot's {@code WebClient.Builder}.
 */
@NullMarked
package dev.exchangeintegration.rest.autoconfigure;

import org.jspecify.annotations.NullMarked;
