package dev.exchangeintegration.fix;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.net.ssl.SSLContext;

import org.jspecify.annotations.Nullable;
import quickfix.ConfigError;
import quickfix.DataDictionary;
import quickfix.FileStoreFactory;
import quickfix.InvalidMessage;
import quickfix.Message;
import quickfix.ValidationSettings;
import quickfix.field.MsgType;
import quickfix.MessageStore;
import quickfix.MessageStoreFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;

/**
 * The checked settings of one FIX session, from which each connection attempt builds its
 * own QuickFIX/J initiator.
 *
 * @param exchange the exchange name
 * @param sessionId the session id, unique in the application
 * @param settings the QuickFIX/J session settings
 * @param fileStore whether sequence numbers and messages are kept in files
 * @param signer fills the Logon
 * @param credentials the credentials the signer uses
 * @param subscriptions the messages sent after every logon
 * @param dictionary the dictionary raw tag=value messages are parsed with
 * @param sslContext the TLS context, or {@code null} for plain TCP
 * @param host the gateway's host name, checked against its certificate with TLS
 */
record FixSessionSpec(String exchange, SessionID sessionId, Map<String, String> settings, boolean fileStore,
		FixLogonSigner signer, FixCredentials credentials, List<FixSubscription> subscriptions, FixMessages dictionary,
		@Nullable SSLContext sslContext, String host) {

	private static final char SOH = '\u0001';

	/**
	 * Create the QuickFIX/J settings of one connection attempt.
	 */
	SessionSettings sessionSettings() {
		SessionSettings sessionSettings = new SessionSettings(new Properties());
		this.settings.forEach((key, value) -> sessionSettings.setString(this.sessionId, key, value));
		return sessionSettings;
	}

	/**
	 * Return the store of one connection attempt: the file store, read again from its
	 * files, or the memory store of every attempt, so that sequence numbers carry over
	 * from one connection to the next as they would with a single initiator.
	 */
	MessageStoreFactory storeFactory(SessionSettings sessionSettings, MessageStore memory) {
		return this.fileStore ? new FileStoreFactory(sessionSettings) : (sessionId) -> memory;
	}

	/**
	 * Parses raw tag=value messages.
	 *
	 * @param transport the session dictionary
	 * @param application the application dictionary
	 */
	record FixMessages(DataDictionary transport, DataDictionary application) {

		static FixMessages load(String transportLocation, String applicationLocation) throws ConfigError {
			DataDictionary transport = new DataDictionary(transportLocation);
			DataDictionary application = transportLocation.equals(applicationLocation) ? transport
					: new DataDictionary(applicationLocation);
			return new FixMessages(transport, application);
		}

		/**
		 * Parse a message from tag=value text, with {@code |} or SOH as the separator and
		 * without BeginString(8), BodyLength(9) and CheckSum(10), which are added when it
		 * is sent.
		 */
		Message parse(String beginString, String raw) throws InvalidMessage {
			String fields = raw.strip().replace('|', SOH);
			if (!fields.endsWith(String.valueOf(SOH))) {
				fields = fields + SOH;
			}
			String text = "8=" + beginString + SOH + "9=0" + SOH + fields + "10=000" + SOH;
			Message message = new Message(text, this.transport, this.application, new ValidationSettings(), false);
			if (!message.getHeader().isSetField(MsgType.FIELD)) {
				throw new InvalidMessage("No MsgType(35) in '" + raw + "'");
			}
			return message;
		}

	}

}
