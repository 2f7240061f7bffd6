package dev.exchangeintegration.actuate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.exchangeintegration.annotation.ExchangeListener;
import dev.exchangeintegration.autoconfigure.ExchangeStreamBeanNames;
import dev.exchangeintegration.core.ConnectionState;
import dev.exchangeintegration.core.DefaultExchangeStream;
import dev.exchangeintegration.test.BinanceMessage;
import dev.exchangeintegration.test.TestWebSocketServer;
import dev.exchangeintegration.test.Volume;
import dev.exchangeintegration.test.VolumeConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the {@code exchanges} endpoint and health contributor, over HTTP on a
 * management server on a random port, against a loopback WebSocket server.
 */
class ExchangesEndpointTests {

	private static final Duration AWAIT = Duration.ofSeconds(20);

	private static final String[] SECRETS = { "s3cr3tpass", "LISTENKEY-SECRET-123", "APIKEY-SECRET-456",
			"HMAC-SECRET-789" };

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = new JsonMapper();

	private final List<String> outputs = new CopyOnWriteArrayList<>();

	private final List<TestWebSocketServer> servers = new ArrayList<>();

	private ConfigurableApplicationContext context;

	private int port;

	@AfterEach
	void close() {
		if (this.context != null) {
			this.context.close();
		}
		this.servers.forEach(TestWebSocketServer::close);
	}

	@Test
	void endpointDescribesAndControlsExchangesAndListenersWithoutSecrets() throws Exception {
		TestWebSocketServer server = server(0);
		start(server, "1m");
		// after the start: Spring Boot's logging system resets Logback as it starts
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		Logger logger = (Logger) LoggerFactory.getLogger(ExchangesEndpoint.class);
		// another test's application may have left the level higher
		logger.setLevel(Level.INFO);
		logger.addAppender(appender);
		server.awaitReceived(1);
		server.sendText(BinanceMessage.trade("BTCUSDT", "1"));
		await().atMost(AWAIT).until(() -> this.outputs.size() == 1);
		Response all = get("/actuator/exchanges");
		assertThat(all.status()).isEqualTo(200);
		JsonNode binance = all.json().get("exchanges").get("binance");
		assertThat(binance.get("protocol").asString()).isEqualTo("websocket");
		assertThat(binance.get("state").asString()).isEqualTo("LIVE");
		assertThat(binance.get("endpoint").asString()).isEqualTo(
				"ws://******@127.0.0.1:" + server.url().substring("ws://127.0.0.1:".length()) + "?listenKey=******");
		assertThat(binance.get("subscriptions").get(0).asString()).isEqualTo("subscribe");
		assertThat(binance.get("counters").get("frames").asLong()).isEqualTo(1);
		assertThat(binance.get("consumers").get(0).get("name").asString()).isEqualTo("volumes");
		assertThat(binance.get("consumers").get(0).get("type").asString()).isEqualTo("listener");
		assertThat(binance.get("consumers").get(0).get("status").asString()).isEqualTo("running");
		assertThat(get("/actuator/exchanges/binance").json().get("name").asString()).isEqualTo("binance");
		assertThat(get("/actuator/exchanges/nope").status()).isEqualTo(404);
		// subscribe at runtime
		Response subscribed = post("/actuator/exchanges/binance/subscribe", "{\"subscription\":\"extra\"}");
		assertThat(subscribed.status()).isEqualTo(200);
		server.awaitReceived(2);
		assertThat(server.received()).containsExactly("subscribe", "extra");
		// reconnect: a new connection, resubscribed
		assertThat(post("/actuator/exchanges/binance/reconnect", null).status()).isEqualTo(200);
		server.awaitConnections(2);
		server.awaitReceived(1, 2);
		assertThat(server.received(1)).containsExactly("subscribe", "extra");
		await().atMost(AWAIT).until(() -> stream().state() == ConnectionState.LIVE);
		assertThat(stream().statistics().reconnects("operator")).isEqualTo(1);
		// stop: stays stopped until started
		Response stopped = post("/actuator/exchanges/binance/stop", null);
		assertThat(stopped.json().get("state").asString()).isEqualTo("SUSPENDED");
		assertThat(get("/actuator/health/exchanges/binance").json().get("status").asString())
			.isEqualTo("OUT_OF_SERVICE");
		await().during(Duration.ofMillis(600))
			.atMost(Duration.ofSeconds(5))
			.until(() -> server.connectionCount() == 2 && stream().state() == ConnectionState.SUSPENDED);
		assertThat(post("/actuator/exchanges/binance/start", null).status()).isEqualTo(200);
		server.awaitConnections(3);
		server.awaitReceived(2, 2);
		assertThat(server.received(2)).containsExactly("subscribe", "extra");
		await().atMost(AWAIT).until(() -> stream().state() == ConnectionState.LIVE);
		server.sendText(BinanceMessage.trade("BTCUSDT", "2"));
		await().atMost(AWAIT).until(() -> this.outputs.size() == 2);
		// bad requests
		Response unknown = post("/actuator/exchanges/binance/explode", null);
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("message").asString()).isEqualTo(
				"Unknown action 'explode' for exchange 'binance'; use one of [stop, start, reconnect, subscribe]");
		assertThat(post("/actuator/exchanges/binance/subscribe", "{}").status()).isEqualTo(400);
		Response unknownExchange = post("/actuator/exchanges/nope/stop", null);
		assertThat(unknownExchange.status()).isEqualTo(404);
		assertThat(unknownExchange.json().get("message").asString()).isEqualTo("No enabled exchange named 'nope'");
		// listener actions
		assertThat(consumer(post("/actuator/exchanges/binance/listeners/volumes/pause", null))).isEqualTo("paused");
		assertThat(consumer(post("/actuator/exchanges/binance/listeners/volumes/resume", null))).isEqualTo("running");
		assertThat(consumer(post("/actuator/exchanges/binance/listeners/volumes/stop", null))).isEqualTo("stopped");
		assertThat(consumer(post("/actuator/exchanges/binance/listeners/volumes/start", null))).isEqualTo("running");
		assertThat(post("/actuator/exchanges/binance/listeners/nobody/pause", null).status()).isEqualTo(400);
		// no secret anywhere
		List<String> outputs = List.of(get("/actuator/exchanges").body(), get("/actuator/exchanges/binance").body(),
				get("/actuator/health").body(), get("/actuator/health/readiness").body());
		assertThat(outputs).allSatisfy((output) -> assertThat(output).doesNotContain(SECRETS));
		// each write operation logged at INFO, with the exchange in the MDC
		logger.detachAppender(appender);
		logger.setLevel(null);
		assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
			.contains("Exchange 'binance': subscribe requested through the exchanges endpoint; state now LIVE",
					"Exchange 'binance': stop requested through the exchanges endpoint; state now SUSPENDED",
					"Exchange 'binance': listener volumes pause requested through the exchanges endpoint");
		assertThat(appender.list).allSatisfy((event) -> {
			assertThat(event.getLevel().toString()).isEqualTo("INFO");
			assertThat(event.getMDCPropertyMap()).containsEntry("exchange", "binance");
		});
	}

	@Test
	void healthIsUpWithinGraceThenDownThenUpAgainAsTheServerStopsAndRestarts() throws Exception {
		TestWebSocketServer server = server(0);
		int serverPort = Integer.parseInt(server.url().replaceAll(".*:(\\d+)/ws", "$1"));
		start(server, "1500ms");
		server.awaitReceived(1);
		Response up = get("/actuator/health/exchanges/binance");
		assertThat(up.status()).isEqualTo(200);
		assertThat(up.json().get("status").asString()).isEqualTo("UP");
		assertThat(up.json().get("details").get("state").asString()).isEqualTo("LIVE");
		assertThat(get("/actuator/health/readiness").json().get("components").has("exchanges")).isTrue();
		assertThat(get("/actuator/health/exchanges").json().get("components").has("disabled-one")).isFalse();
		assertThat(get("/actuator/health/exchanges/disabled-one").status()).isEqualTo(404);
		server.close();
		await().atMost(AWAIT).until(() -> stream().state() != ConnectionState.LIVE);
		Response withinGrace = get("/actuator/health/exchanges/binance");
		assertThat(withinGrace.json().get("status").asString()).isEqualTo("UP");
		assertThat(withinGrace.json().get("details").get("state").asString()).isIn("RECONNECTING", "CONNECTING");
		await().atMost(AWAIT).until(() -> get("/actuator/health/exchanges/binance").status() == 503);
		Response down = get("/actuator/health/exchanges/binance");
		assertThat(down.json().get("status").asString()).isEqualTo("DOWN");
		assertThat(down.json().get("details").get("reconnects").asLong()).isPositive();
		assertThat(down.json().get("details").get("lastError").get("message").asString()).doesNotContain(SECRETS);
		assertThat(get("/actuator/health/readiness").status()).isEqualTo(503);
		TestWebSocketServer restarted = server(serverPort);
		restarted.awaitReceived(1);
		await().atMost(AWAIT)
			.until(() -> "UP".equals(get("/actuator/health/exchanges/binance").json().get("status").asString()));
		assertThat(get("/actuator/health/readiness").status()).isEqualTo(200);
	}

	private String consumer(Response response) {
		assertThat(response.status()).isEqualTo(200);
		return response.json().get("consumers").get(0).get("status").asString();
	}

	private DefaultExchangeStream<?, ?> stream() {
		return this.context.getBean(ExchangeStreamBeanNames.stream("binance"), DefaultExchangeStream.class);
	}

	private TestWebSocketServer server(int port) {
		TestWebSocketServer server = (port != 0) ? new TestWebSocketServer(port) : new TestWebSocketServer();
		this.servers.add(server);
		return server;
	}

	private void start(TestWebSocketServer server, String grace) {
		String url = server.url().replace("ws://", "ws://trader:s3cr3tpass@") + "?listenKey=LISTENKEY-SECRET-123";
		this.context = new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.REACTIVE)
			.initializers((context) -> context.getBeanFactory().registerSingleton("outputs", this.outputs))
			.properties("server.port=0", "management.server.port=0", "server.address=127.0.0.1",
					"management.server.address=127.0.0.1", "management.endpoints.web.exposure.include=health,exchanges",
					"management.endpoint.health.show-details=always", "management.endpoint.health.probes.enabled=true",
					"management.endpoint.health.group.readiness.include=readinessState,exchanges",
					"exchange-integration.health.grace=" + grace, "exchange-integration.exchanges.binance.url=" + url,
					"exchange-integration.exchanges.binance.subscriptions[0]=subscribe",
					"exchange-integration.exchanges.binance.transformer=volumeTransformer",
					"exchange-integration.exchanges.binance.reconnect.initial-backoff=50ms",
					"exchange-integration.exchanges.binance.reconnect.max-backoff=200ms",
					"exchange-integration.exchanges.disabled-one.url=ws://127.0.0.1:1/ws",
					"exchange-integration.exchanges.disabled-one.enabled=false",
					"exchange-integration.rest.binance-rest.base-url=http://127.0.0.1:1",
					"exchange-integration.rest.binance-rest.api-key=APIKEY-SECRET-456",
					"exchange-integration.rest.binance-rest.secret=HMAC-SECRET-789",
					"exchange-integration.rest.binance-rest.signer=binance")
			.run();
		this.port = Integer.parseInt(this.context.getEnvironment().getProperty("local.management.port"));
	}

	private Response get(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path)).GET().build());
	}

	private Response post(String path, String body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json");
		return send(request
			.POST((body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.build());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private Response send(HttpRequest request) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		return new Response(response.statusCode(), response.body(), this.json);
	}

	record Response(int status, String body, JsonMapper mapper) {

		JsonNode json() {
			return this.mapper.readTree(this.body);
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(VolumeConfiguration.class)
	static class TestApplication {

		@Bean
		VolumeListener volumeListener(List<String> outputs) {
			return new VolumeListener(outputs);
		}

	}

	static class VolumeListener {

		private final List<String> outputs;

		VolumeListener(List<String> outputs) {
			this.outputs = outputs;
		}

		@ExchangeListener(value = "binance", id = "volumes")
		void onVolume(Volume volume) {
			this.outputs.add(volume.symbol());
		}

	}

}
