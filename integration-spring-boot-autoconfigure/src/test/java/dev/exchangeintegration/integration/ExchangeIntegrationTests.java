package dev.exchangeintegration.integration;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.exchangeintegration.autoconfigure.ExchangeIntegrationAutoConfiguration;
import dev.exchangeintegration.messaging.ExchangeHeaders;
import dev.exchangeintegration.test.BinanceMessage;
import dev.exchangeintegration.test.ConfigurationFailures;
import dev.exchangeintegration.test.Recorder;
import dev.exchangeintegration.test.TestWebSocketServer;
import dev.exchangeintegration.test.Volume;
import dev.exchangeintegration.test.VolumeConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.integration.autoconfigure.IntegrationAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.support.GenericMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Spring Integration through a real WebSocket server on loopback: the channel sink, the
 * inbound message producer in a flow, and the outbound channel.
 */
class ExchangeIntegrationTests {

	private final TestWebSocketServer server = new TestWebSocketServer();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, IntegrationAutoConfiguration.class,
				ExchangeIntegrationAutoConfiguration.class, IntegrationExchangeAutoConfiguration.class))
		.withPropertyValues("exchange-integration.exchanges.binance.url=" + this.server.url(),
				"exchange-integration.exchanges.binance.transformer=volumeTransformer")
		.withUserConfiguration(VolumeConfiguration.class)
		.withBean(Recorder.class);

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void channelSinkSendsEveryOutputInOrderWithTheExchangeHeaders() {
		this.contextRunner.withBean("volumesChannel", QueueChannel.class)
			.withPropertyValues("exchange-integration.exchanges.binance.sinks.channel=volumesChannel")
			.run((context) -> {
				this.server.awaitConnections(1);
				Instant before = Instant.now();
				List<Volume> expected = sendTrades(20);
				QueueChannel channel = context.getBean("volumesChannel", QueueChannel.class);
				List<Message<?>> received = new ArrayList<>();
				for (int i = 0; i < 20; i++) {
					Message<?> message = channel.receive(10_000);
					assertThat(message).isNotNull();
					received.add(message);
				}
				assertThat(received).extracting((message) -> (Object) message.getPayload())
					.containsExactlyElementsOf(expected);
				for (Message<?> message : received) {
					assertThat(message.getHeaders().get(ExchangeHeaders.EXCHANGE)).isEqualTo("binance");
					assertThat(message.getHeaders().get(ExchangeHeaders.RECEIVED_AT, Instant.class))
						.isBetween(before.minusMillis(1), Instant.now());
					assertThat(message.getHeaders().getId()).isNotNull();
				}
				assertThat(channel.receive(0)).isNull();
			});
	}

	@Test
	void missingSinkChannelFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("exchange-integration.exchanges.binance.sinks.channel=nowhere")
			.run((context) -> ConfigurationFailures.assertInvalid(context.getStartupFailure(),
					"exchange-integration.exchanges.binance.sinks.channel",
					"Exchange 'binance' sends its outputs to channel 'nowhere', which is not a MessageChannel bean"));
	}

	@Test
	void inboundMessageProducerFeedsAnIntegrationFlowFromTheFirstOutput() {
		this.contextRunner.withUserConfiguration(FlowConfiguration.class).run((context) -> {
			this.server.awaitConnections(1);
			List<Volume> expected = sendTrades(30);
			FlowConfiguration flow = context.getBean(FlowConfiguration.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> flow.received.size() >= 30);
			assertThat(flow.received).extracting((message) -> (Object) message.getPayload())
				.containsExactlyElementsOf(expected);
			assertThat(flow.received.get(0).getHeaders().get(ExchangeHeaders.EXCHANGE)).isEqualTo("binance");
			assertThat(context.getBean(Recorder.class).errors()).isEmpty();
		});
	}

	@Test
	void outboundChannelSendsEachMessageOnTheStream() {
		this.contextRunner.withPropertyValues("exchange-integration.exchanges.binance.outbound-channel=binanceOrders")
			.run((context) -> {
				this.server.awaitConnections(1);
				MessageChannel orders = context.getBean("binanceOrders", MessageChannel.class);
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(
							() -> assertThat(orders.send(new GenericMessage<>("{\"method\":\"order\",\"id\":7}")))
								.isTrue());
				this.server.awaitReceived(1);
				assertThat(this.server.received()).containsExactly("{\"method\":\"order\",\"id\":7}");
			});
	}

	@Test
	void outboundChannelSendWhileDisconnectedFailsWithMessageDeliveryException() {
		this.contextRunner
			.withPropertyValues("exchange-integration.exchanges.offline.url=ws://127.0.0.1:1/",
					"exchange-integration.exchanges.offline.parser=text",
					"exchange-integration.exchanges.offline.outbound-channel=offlineOrders")
			.run((context) -> {
				MessageChannel orders = context.getBean("offlineOrders", MessageChannel.class);
				GenericMessage<String> order = new GenericMessage<>("{\"method\":\"order\"}");
				assertThatExceptionOfType(MessageDeliveryException.class).isThrownBy(() -> orders.send(order))
					.withMessageContaining("Exchange 'offline' could not send the message")
					.satisfies((ex) -> assertThat(ex.getFailedMessage()).isSameAs(order));
			});
	}

	@Test
	void outboundChannelOfTheApplicationIsUsedWhenItExists() {
		this.contextRunner
			.withBean("binanceOrders", org.springframework.integration.channel.PublishSubscribeChannel.class)
			.withPropertyValues("exchange-integration.exchanges.binance.outbound-channel=binanceOrders")
			.run((context) -> {
				this.server.awaitConnections(1);
				MessageChannel orders = context.getBean("binanceOrders", MessageChannel.class);
				assertThat(orders).isInstanceOf(org.springframework.integration.channel.PublishSubscribeChannel.class);
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(() -> assertThat(orders.send(new GenericMessage<>("ping"))).isTrue());
				this.server.awaitReceived(1);
				assertThat(this.server.received()).containsExactly("ping");
			});
	}

	private List<Volume> sendTrades(int count) {
		List<Volume> expected = new ArrayList<>();
		BigDecimal sum = BigDecimal.ZERO;
		for (int i = 1; i <= count; i++) {
			this.server.sendText(BinanceMessage.trade("BTCUSDT", i + ".25"));
			sum = sum.add(new BigDecimal(i + ".25"));
			expected.add(new Volume("BTCUSDT", sum, i));
		}
		return expected;
	}

	@Configuration(proxyBeanMethods = false)
	static class FlowConfiguration {

		final List<Message<?>> received = new CopyOnWriteArrayList<>();

		@Bean
		IntegrationFlow volumesFlow() {
			return IntegrationFlow.from(ExchangeIntegration.inbound("binance"))
				.handle((message) -> this.received.add(message))
				.get();
		}

	}

}
