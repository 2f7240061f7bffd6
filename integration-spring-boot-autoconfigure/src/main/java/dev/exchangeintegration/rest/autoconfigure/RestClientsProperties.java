package dev.exchangeintegration.rest.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the exchange REST clients, under
 * {@code exchange-integration.rest}.
 */
@ConfigurationProperties("exchange-integration")
public class RestClientsProperties {

	/**
	 * Exchange REST clients, by name; each is injectable as
	 * {@code @Qualifier("NAME") ExchangeRestClient}.
	 */
	private Map<String, RestClientProperties> rest = new LinkedHashMap<>();

	public Map<String, RestClientProperties> getRest() {
		return this.rest;
	}

	public void setRest(Map<String, RestClientProperties> rest) {
		this.rest = rest;
	}

}
