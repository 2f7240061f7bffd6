package dev.exchangeintegration.integration;

/**
 * Factory of the Spring Integration components of exchanges, for the Java DSL:
 *
 * <pre class="code">
 * &#64;Bean
 * IntegrationFlow volumes() {
 *     return IntegrationFlow.from(ExchangeIntegration.inbound("binance-futures"))
 *         .filter(TradeVolume.class, (volume) -&gt; volume.quantity().signum() &gt; 0)
 *         .handle(...)
 *         .get();
 * }
 * </pre>
 */
public final class ExchangeIntegration {

	private ExchangeIntegration() {
	}

	/**
	 * Return a message producer of the outputs of an exchange: each output is sent to the
	 * flow as a message with the {@code ExchangeHeaders}, in order. It subscribes to the
	 * stream as it starts with its flow, before the streams connect; it is a consumer of
	 * the stream like a listener, with a buffer and a thread of its own, named
	 * {@code integration:NAME} unless the endpoint has an id of its own.
	 * @param exchange the exchange, as named under {@code exchange-integration.exchanges}
	 * @return the message producer
	 */
	public static ExchangeMessageProducer inbound(String exchange) {
		return new ExchangeMessageProducer(exchange);
	}

}
