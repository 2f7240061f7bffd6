package dev.exchangeintegration.rest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ApiErrorParsers} and the built-in {@link ApiErrorParser}s.
 */
class ApiErrorParsersTests {

	private static final String BINANCE_ERROR = """
			{"code":-1121,"msg":"Invalid symbol."}""";

	private static final String KRAKEN_ERROR = """
			{"error":["EOrder:Insufficient funds"],"result":{}}""";

	private static final String OKX_ERROR = """
			{"code":"51000","msg":"Parameter ordType error","data":[]}""";

	private static final String BYBIT_ERROR = """
			{"retCode":10001,"retMsg":"params error","result":{},"retExtInfo":{},"time":1700000000000}""";

	private static final String BINANCE_SUCCESS = """
			{"symbol":"BTCUSDT","orderId":28,"clientOrderId":"6gCrw2kRUAF9CvJDGP16IP","status":"FILLED"}""";

	private static final String KRAKEN_SUCCESS = """
			{"error":[],"result":{"txid":["OUF4EM-FRGI2-MQMWZD"],"descr":{"order":"buy 1.25 XBTUSD @ limit 27500.0"}}}""";

	private static final String OKX_SUCCESS = """
			{"code":"0","msg":"","data":[{"ordId":"312269865356374016","clOrdId":"","tag":"","sCode":"0","sMsg":"Order placed"}]}""";

	private static final String BYBIT_SUCCESS = """
			{"retCode":0,"retMsg":"OK","result":{"orderId":"1321003749386327552","orderLinkId":"spot-test-postonly"},"retExtInfo":{},"time":1672211918471}""";

	private final ApiErrorParser binance = ApiErrorParsers.forName("binance");

	private final ApiErrorParser kraken = ApiErrorParsers.forName("kraken");

	private final ApiErrorParser okx = ApiErrorParsers.forName("okx");

	private final ApiErrorParser bybit = ApiErrorParsers.forName("bybit");

	@Test
	void forNameReturnsTheBuiltInParsers() {
		// Binance, OKX and Bybit are one configurable parser; Kraken's error list is its
		// own
		assertThat(this.binance).isInstanceOf(JsonApiErrorParser.class);
		assertThat(this.kraken).isInstanceOf(KrakenApiErrorParser.class);
		assertThat(this.okx).isInstanceOf(JsonApiErrorParser.class);
		assertThat(this.bybit).isInstanceOf(JsonApiErrorParser.class);
		assertThat(ApiErrorParsers.forName("okx")).isSameAs(this.okx);
	}

	@Test
	void forNameRejectsAnUnknownNameListingTheKnownOnes() {
		assertThatIllegalArgumentException().isThrownBy(() -> ApiErrorParsers.forName("coinbase"))
			.withMessageContaining("'coinbase'")
			.withMessageContaining("binance, kraken, okx, bybit");
		assertThatIllegalArgumentException().isThrownBy(() -> ApiErrorParsers.forName("Binance"));
		assertThatIllegalArgumentException().isThrownBy(() -> ApiErrorParsers.forName("none"));
	}

	@Test
	void isBuiltInTellsTheBuiltInNames() {
		assertThat(ApiErrorParsers.isBuiltIn("binance")).isTrue();
		assertThat(ApiErrorParsers.isBuiltIn("bybit")).isTrue();
		assertThat(ApiErrorParsers.isBuiltIn("myParser")).isFalse();
	}

	@Test
	void noneNeverRecognisesAnError() {
		ApiErrorParser none = ApiErrorParsers.none();
		for (String body : new String[] { BINANCE_ERROR, KRAKEN_ERROR, OKX_ERROR, BYBIT_ERROR, "[]", "\"x\"" }) {
			assertThat(none.parse(400, json(body))).isNull();
		}
	}

	@Test
	void binanceError() {
		assertThat(this.binance.parse(400, json(BINANCE_ERROR))).isEqualTo(new ApiError("-1121", "Invalid symbol."));
	}

	@Test
	void binanceErrorWithHttp200() {
		assertThat(this.binance.parse(200, json("""
				{"code":-2010,"msg":"Account has insufficient balance for requested action."}""")))
			.isEqualTo(new ApiError("-2010", "Account has insufficient balance for requested action."));
	}

	@ParameterizedTest
	@ValueSource(strings = { """
			{"code":200,"msg":"success"}""", """
			{"code":0,"msg":"success"}""", BINANCE_SUCCESS, "{}" })
	void binanceSuccess(String body) {
		assertThat(this.binance.parse(200, json(body))).isNull();
	}

	@Test
	void binanceIgnoresOtherShapes() {
		assertThat(this.binance.parse(200, json(OKX_ERROR))).isNull();
		assertThat(this.binance.parse(200, json(OKX_SUCCESS))).isNull();
		assertThat(this.binance.parse(200, json(KRAKEN_ERROR))).isNull();
		assertThat(this.binance.parse(200, json(BYBIT_ERROR))).isNull();
		assertThat(this.binance.parse(200, json("""
				{"code":"000000","message":"success","data":{}}"""))).isNull();
		assertThat(this.binance.parse(400, json("""
				{"code":-1121}"""))).isNull();
	}

	@Test
	void binanceIgnoresBatchItemErrors() {
		assertThat(this.binance.parse(200, json("""
				[{"code":-2022,"msg":"ReduceOnly Order is rejected."},{"orderId":1}]"""))).isNull();
	}

	@Test
	void krakenErrorWithHttp200() {
		assertThat(this.kraken.parse(200, json(KRAKEN_ERROR))).isEqualTo(new ApiError("EOrder", "Insufficient funds"));
	}

	@Test
	void krakenErrorWithoutResult() {
		assertThat(this.kraken.parse(200, json("""
				{"error":["EQuery:Unknown asset pair"]}"""))).isEqualTo(new ApiError("EQuery", "Unknown asset pair"));
	}

	@Test
	void krakenErrorKeepsColonsAfterTheCategory() {
		assertThat(this.kraken.parse(200, json("""
				{"error":["EGeneral:Invalid arguments:Index unavailable"]}""")))
			.isEqualTo(new ApiError("EGeneral", "Invalid arguments:Index unavailable"));
	}

	@Test
	void krakenSeveralErrorsAreJoined() {
		assertThat(this.kraken.parse(200, json("""
				{"error":["WGeneral:Deprecated","EGeneral:Invalid arguments","EOrder:Insufficient funds"]}""")))
			.isEqualTo(new ApiError("EGeneral", "Invalid arguments; EOrder:Insufficient funds"));
	}

	@Test
	void krakenErrorWithoutColonHasNoCode() {
		assertThat(this.kraken.parse(200, json("""
				{"error":["EService:Unavailable", 5]}"""))).isEqualTo(new ApiError("EService", "Unavailable"));
		assertThat(this.kraken.parse(200, json("""
				{"error":["Eunknown"]}"""))).isEqualTo(new ApiError(null, "Eunknown"));
	}

	@ParameterizedTest
	@ValueSource(strings = { KRAKEN_SUCCESS, """
			{"error":["WGeneral:Deprecated"],"result":{"unixtime":1688669448}}""", """
			{"error":[],"result":{}}""" })
	void krakenSuccess(String body) {
		assertThat(this.kraken.parse(200, json(body))).isNull();
	}

	@Test
	void krakenIgnoresOtherShapes() {
		assertThat(this.kraken.parse(400, json(BINANCE_ERROR))).isNull();
		assertThat(this.kraken.parse(200, json(OKX_ERROR))).isNull();
		assertThat(this.kraken.parse(200, json(BYBIT_ERROR))).isNull();
		assertThat(this.kraken.parse(200, json("""
				{"result":"error","error":"apiLimitExceeded"}"""))).isNull();
	}

	@Test
	void okxError() {
		assertThat(this.okx.parse(400, json(OKX_ERROR))).isEqualTo(new ApiError("51000", "Parameter ordType error"));
	}

	@Test
	void okxOperationFailedTakesTheFirstFailedItem() {
		assertThat(this.okx.parse(200, json("""
				{"code":"1","msg":"All operations failed","data":[
				{"clOrdId":"","ordId":"","sCode":"51000","sMsg":"Parameter posSide error","tag":""}]}""")))
			.isEqualTo(new ApiError("51000", "Parameter posSide error"));
	}

	@Test
	void okxPartialSuccessTakesTheFirstFailedItem() {
		assertThat(this.okx.parse(200,
				json("""
						{"code":"2","msg":"Bulk operation partially succeeded","data":[
						{"ordId":"5001","clOrdId":"a","sCode":"0","sMsg":""},
						{"ordId":"","clOrdId":"b","sCode":"51008","sMsg":"Order failed. Insufficient balance"},
						{"ordId":"","clOrdId":"c","sCode":"51121","sMsg":"Order quantity must be a multiple of the lot size"}]}""")))
			.isEqualTo(new ApiError("51008", "Order failed. Insufficient balance"));
	}

	@Test
	void okxFailedItemWithoutMessageTakesTheTopLevelMessage() {
		assertThat(this.okx.parse(200, json("""
				{"code":"1","msg":"All operations failed","data":[{"sCode":"51400"}]}""")))
			.isEqualTo(new ApiError("51400", "All operations failed"));
	}

	@Test
	void okxOperationFailedWithoutFailedItemsTakesTheTopLevelCode() {
		assertThat(this.okx.parse(200, json("""
				{"code":"1","msg":"Operation failed","data":[{"sCode":"0","sMsg":""}]}""")))
			.isEqualTo(new ApiError("1", "Operation failed"));
		assertThat(this.okx.parse(401, json("""
				{"code":"50113","msg":"Invalid Sign"}"""))).isEqualTo(new ApiError("50113", "Invalid Sign"));
	}

	@ParameterizedTest
	@ValueSource(strings = { OKX_SUCCESS, """
			{"code":"0","msg":"","data":[{"instId":"BTC-USDT","last":"9999.99"}]}""" })
	void okxSuccess(String body) {
		assertThat(this.okx.parse(200, json(body))).isNull();
	}

	@Test
	void okxIgnoresOtherShapes() {
		assertThat(this.okx.parse(400, json(BINANCE_ERROR))).isNull();
		assertThat(this.okx.parse(200, json("""
				{"code":200,"msg":"success"}"""))).isNull();
		assertThat(this.okx.parse(200, json(KRAKEN_ERROR))).isNull();
		assertThat(this.okx.parse(200, json(BYBIT_ERROR))).isNull();
	}

	@Test
	void bybitError() {
		assertThat(this.bybit.parse(200, json(BYBIT_ERROR))).isEqualTo(new ApiError("10001", "params error"));
	}

	@Test
	void bybitSuccess() {
		assertThat(this.bybit.parse(200, json(BYBIT_SUCCESS))).isNull();
	}

	@Test
	void bybitIgnoresOtherShapes() {
		assertThat(this.bybit.parse(400, json(BINANCE_ERROR))).isNull();
		assertThat(this.bybit.parse(200, json(KRAKEN_ERROR))).isNull();
		assertThat(this.bybit.parse(200, json(OKX_ERROR))).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "[]", "[" + BINANCE_ERROR + "]", "\"Invalid symbol.\"", "42", "null", "true" })
	void nonObjectBodiesAreNotErrors(String body) {
		JsonNode node = json(body);
		assertThat(this.binance.parse(400, node)).isNull();
		assertThat(this.kraken.parse(200, node)).isNull();
		assertThat(this.okx.parse(400, node)).isNull();
		assertThat(this.bybit.parse(400, node)).isNull();
	}

	private static JsonNode json(String text) {
		return JsonMapper.shared().readTree(text);
	}

}
