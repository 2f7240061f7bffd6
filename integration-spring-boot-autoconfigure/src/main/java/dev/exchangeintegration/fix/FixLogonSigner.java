package dev.exchangeintegration.fix;

import quickfix.Message;

/**
 * Fills the Logon (A) message of a FIX session with the venue's credentials and
 * signature, just before it is sent: its header already carries SendingTime(52),
 * MsgSeqNum(34), SenderCompID(49) and TargetCompID(56). Built-in signers are in
 * {@link FixLogonSigners}; a bean of this type named by {@code fix.signer} is used for
 * any other venue.
 */
@FunctionalInterface
public interface FixLogonSigner {

	/**
	 * Fill and sign a Logon message.
	 * @param logon the Logon message to fill
	 * @param credentials the session's credentials
	 * @throws Exception when the Logon cannot be signed; it is reported and the Logon is
	 * not sent
	 */
	void sign(Message logon, FixCredentials credentials) throws Exception;

}
