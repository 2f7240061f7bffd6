package dev.exchangeintegration.benchmark;

/**
 * The frames the benchmark server sends: one real frame of the Binance USD-M Futures
 * capture of 2021-07-22 that the sample app replays (from the cryptofeed project, see
 * {@code sample-app/src/main/resources/replay/NOTICE}; this product includes software
 * developed by Bryant Moscon, http://www.bryantmoscon.com/), with its aggregate trade id
 * changed. The ids count up from {@value #FIRST_ID} and start over every {@value #CYCLE}
 * frames; the last frame of a connection carries {@value #LAST_ID}. Every frame has the
 * same size. A consumer tells a lost, duplicated or reordered frame by an id that is not
 * the {@link #successorOf(long) successor} of the one before, and knows the last frame
 * even when frames before it were dropped.
 */
final class TradeFrames {

	/**
	 * Number of distinct frames before the ids start over: {@value}.
	 */
	static final int CYCLE = 256;

	/**
	 * Aggregate trade id of the first frame: {@value}.
	 */
	static final long FIRST_ID = 16599292;

	/**
	 * Aggregate trade id of the last frame of a connection: {@value}.
	 */
	static final long LAST_ID = 99999999;

	private static final String TEMPLATE = "{\"stream\":\"ctkusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\","
			+ "\"E\":1626992741575,\"a\":%d,\"s\":\"CTKUSDT\",\"p\":\"1.01100\",\"q\":\"10\",\"f\":23961322,"
			+ "\"l\":23961322,\"T\":1626992741421,\"m\":false}}";

	private TradeFrames() {
	}

	/**
	 * Return the text of the frame carrying a trade id.
	 * @param id the aggregate trade id, of 8 digits
	 * @return the frame's text
	 */
	static String text(long id) {
		return String.format(TEMPLATE, id);
	}

	/**
	 * Return the id of the frame that follows the one carrying {@code id}, unless it is
	 * the last of the connection. {@code FIRST_ID - 1} stands for none yet.
	 * @param id the id of a frame, or {@code FIRST_ID - 1}
	 * @return the id of the next frame
	 */
	static long successorOf(long id) {
		return FIRST_ID + (id - FIRST_ID + 1) % CYCLE;
	}

	/**
	 * Return the sum of the trade ids of a connection's frames.
	 * @param frames the frames of the connection
	 * @return the sum of their ids
	 */
	static long checksumOf(long frames) {
		long cycled = frames - 1;
		long cycles = cycled / CYCLE;
		long rest = cycled % CYCLE;
		return cycled * FIRST_ID + cycles * (CYCLE * (CYCLE - 1L) / 2) + rest * (rest - 1) / 2 + LAST_ID;
	}

}
