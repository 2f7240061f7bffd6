package dev.exchangeintegration.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link InvalidExchangeConfigurationException} at startup.
 */
class InvalidExchangeConfigurationFailureAnalyzer
		extends AbstractFailureAnalyzer<InvalidExchangeConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidExchangeConfigurationException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
