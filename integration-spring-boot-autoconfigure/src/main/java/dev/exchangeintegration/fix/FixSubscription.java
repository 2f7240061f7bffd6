package dev.exchangeintegration.fix;

import java.util.List;

import quickfix.Group;
import quickfix.Message;
import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MDUpdateType;
import quickfix.field.MarketDepth;
import quickfix.field.MsgType;
import quickfix.field.NoMDEntryTypes;
import quickfix.field.NoRelatedSym;
import quickfix.field.SubscriptionRequestType;
import quickfix.field.Symbol;

/**
 * A message sent after every logon. Each send creates a new message, so that a
 * MarketDataRequest gets a new MDReqID(262) every time.
 */
@FunctionalInterface
interface FixSubscription {

	/**
	 * Create the message to send.
	 * @param requestId a request id unique to this send
	 * @return the message
	 */
	Message create(String requestId);

	/**
	 * Return a subscription that sends a copy of a message as it is.
	 */
	static FixSubscription of(Message message) {
		return described((requestId) -> (Message) message.clone());
	}

	/**
	 * Return a subscription whose {@code toString()} is the tag=value text of the message
	 * it sends, with MDReqID {@code *}, as a recording of the stream shows it.
	 * @param subscription the subscription
	 * @return the described subscription
	 */
	static FixSubscription described(FixSubscription subscription) {
		return new FixSubscription() {

			@Override
			public Message create(String requestId) {
				return subscription.create(requestId);
			}

			@Override
			public String toString() {
				return subscription.create("*").toString();
			}

		};
	}

	/**
	 * Return the MarketDataRequest (V) of {@code fix.market-data.*}: a snapshot plus
	 * updates of the symbols, with a new MDReqID each time.
	 * @param symbols the symbols
	 * @param entryTypes the MDEntryType codes
	 * @param depth the MarketDepth
	 * @param incremental whether updates are incremental refreshes
	 */
	static FixSubscription marketData(List<String> symbols, List<Character> entryTypes, int depth,
			boolean incremental) {
		return described((requestId) -> {
			Message request = new Message();
			request.getHeader().setString(MsgType.FIELD, MsgType.MARKET_DATA_REQUEST);
			request.setString(MDReqID.FIELD, requestId);
			request.setChar(SubscriptionRequestType.FIELD, SubscriptionRequestType.SNAPSHOT_UPDATES);
			request.setInt(MarketDepth.FIELD, depth);
			request.setInt(MDUpdateType.FIELD,
					incremental ? MDUpdateType.INCREMENTAL_REFRESH : MDUpdateType.FULL_REFRESH);
			for (char entryType : entryTypes) {
				Group group = new Group(NoMDEntryTypes.FIELD, MDEntryType.FIELD);
				group.setChar(MDEntryType.FIELD, entryType);
				request.addGroup(group);
			}
			for (String symbol : symbols) {
				Group group = new Group(NoRelatedSym.FIELD, Symbol.FIELD);
				group.setString(Symbol.FIELD, symbol);
				request.addGroup(group);
			}
			return request;
		});
	}

}
