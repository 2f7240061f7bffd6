/**
 * Auto-configuration, configuration properties and failure analysis for exchange
 * integrations.
 */
@NullMarked
package dev.exchangeintegration.autoconfigure;

import org.jspecify.annotations.NullMarked;
