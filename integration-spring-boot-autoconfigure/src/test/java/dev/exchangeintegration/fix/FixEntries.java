package dev.exchangeintegration.fix;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import dev.exchangeintegration.annotation.ExchangeListener;
import dev.exchangeintegration.core.Transformer;
import quickfix.FieldNotFound;
import quickfix.Group;
import quickfix.Message;
import quickfix.field.MDEntryPx;
import quickfix.field.MDEntrySize;
import quickfix.field.MDEntryType;
import quickfix.field.NoMDEntries;
import quickfix.field.OrdStatus;
import quickfix.field.OrderID;
import quickfix.field.Symbol;
import quickfix.fix44.MarketDataIncrementalRefresh;

/**
 * Test transformers and listeners of FIX exchanges: each message becomes a line naming
 * its type and entries, such as {@code X BTC-USD 2 30000.5 0.25}.
 */
final class FixEntries {

	private FixEntries() {
	}

	static String describe(Message message) throws FieldNotFound {
		String type = message.getHeader().getString(quickfix.field.MsgType.FIELD);
		StringBuilder line = new StringBuilder(type);
		if (message.isSetField(Symbol.FIELD)) {
			line.append(' ').append(message.getString(Symbol.FIELD));
		}
		if (message.hasGroup(NoMDEntries.FIELD)) {
			for (Group entry : message.getGroups(NoMDEntries.FIELD)) {
				if (entry.isSetField(Symbol.FIELD)) {
					line.append(' ').append(entry.getString(Symbol.FIELD));
				}
				line.append(' ')
					.append(entry.getChar(MDEntryType.FIELD))
					.append(' ')
					.append(entry.getString(MDEntryPx.FIELD));
				if (entry.isSetField(MDEntrySize.FIELD)) {
					line.append(' ').append(entry.getString(MDEntrySize.FIELD));
				}
			}
		}
		if (message.isSetField(OrderID.FIELD)) {
			line.append(' ')
				.append(message.getString(OrderID.FIELD))
				.append(' ')
				.append(message.getChar(OrdStatus.FIELD));
		}
		return line.toString();
	}

	/**
	 * Takes every application message of the session, typed.
	 */
	static class Described implements Transformer<Message, String> {

		@Override
		public void transform(Message message, Consumer<? super String> out) throws Exception {
			out.accept(describe(message));
		}

	}

	/**
	 * Takes only incremental refreshes: the other messages are skipped.
	 */
	static class Incremental implements Transformer<MarketDataIncrementalRefresh, String> {

		@Override
		public void transform(MarketDataIncrementalRefresh message, Consumer<? super String> out) throws Exception {
			out.accept("incremental " + describe(message));
		}

	}

	/**
	 * Takes the raw tag=value text.
	 */
	static class Raw implements Transformer<String, String> {

		@Override
		public void transform(String text, Consumer<? super String> out) {
			out.accept(text.replace('\u0001', '|'));
		}

	}

	/**
	 * Collects the outputs of an exchange.
	 */
	static class Collector {

		final List<String> lines = new CopyOnWriteArrayList<>();

		@ExchangeListener("venue")
		void on(String line) {
			this.lines.add(line);
		}

	}

	/**
	 * Collects the outputs of the exchange {@code typed}.
	 */
	static class TypedCollector {

		final List<String> lines = new CopyOnWriteArrayList<>();

		@ExchangeListener("typed")
		void on(String line) {
			this.lines.add(line);
		}

	}

	/**
	 * Collects the outputs of the exchange {@code raw}.
	 */
	static class RawCollector {

		final List<String> lines = new CopyOnWriteArrayList<>();

		@ExchangeListener("raw")
		void on(String line) {
			this.lines.add(line);
		}

	}

}
