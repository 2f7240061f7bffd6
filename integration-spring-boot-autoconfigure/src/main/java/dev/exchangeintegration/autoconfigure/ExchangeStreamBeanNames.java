package dev.exchangeintegration.autoconfigure;

/**
 * Names of the beans registered for each exchange. Both carry the exchange name as their
 * {@code @Qualifier}.
 */
public final class ExchangeStreamBeanNames {

	private ExchangeStreamBeanNames() {
	}

	/**
	 * Return the name of the {@code ExchangeStream} bean of an exchange.
	 * @param exchange the exchange name
	 * @return the bean name, {@code NAME.exchangeStream}
	 */
	public static String stream(String exchange) {
		return exchange + ".exchangeStream";
	}

	/**
	 * Return the name of the {@code Flux} bean of an exchange.
	 * @param exchange the exchange name
	 * @return the bean name, {@code NAME.flux}
	 */
	public static String flux(String exchange) {
		return exchange + ".flux";
	}

}
