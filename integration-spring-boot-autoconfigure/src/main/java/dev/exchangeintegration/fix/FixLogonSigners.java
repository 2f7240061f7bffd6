package dev.exchangeintegration.fix;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.StringJoiner;

import dev.exchangeintegration.rest.HmacAlgorithm;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.field.MsgSeqNum;
import quickfix.field.MsgType;
import quickfix.field.Password;
import quickfix.field.RawData;
import quickfix.field.RawDataLength;
import quickfix.field.SenderCompID;
import quickfix.field.SendingTime;
import quickfix.field.TargetCompID;
import quickfix.field.Username;

/**
 * The built-in {@link FixLogonSigner signers}. Each is what to sign (fields of the Logon
 * joined by SOH, as the venue documents) over one primitive (HMAC-SHA256, Ed25519 or
 * SHA-256) and one encoder (base64).
 */
public final class FixLogonSigners {

	private static final char SOH = '\u0001';

	private FixLogonSigners() {
	}

	/**
	 * Return the {@code plain} signer: Username(553) and Password(554), when configured.
	 * @return the signer
	 */
	public static FixLogonSigner plain() {
		return FixLogonSigners::credentials;
	}

	/**
	 * Return the {@code coinbase} signer (Coinbase Exchange): Password(554) is the
	 * passphrase, and RawData(96) the base64 HMAC-SHA256, keyed with the base64-decoded
	 * secret, of SendingTime, MsgType, MsgSeqNum, SenderCompID, TargetCompID and Password
	 * joined by SOH.
	 * @return the signer
	 */
	public static FixLogonSigner coinbase() {
		return (logon, credentials) -> {
			credentials(logon, credentials);
			byte[] key = Base64.getDecoder().decode(FixCredentials.required(credentials.secret(), "secret"));
			String prehash = prehash(logon, SendingTime.FIELD, MsgType.FIELD, MsgSeqNum.FIELD, SenderCompID.FIELD,
					TargetCompID.FIELD, Password.FIELD);
			rawData(logon, HmacAlgorithm.SHA256.mac(key, prehash.getBytes(StandardCharsets.UTF_8)));
		};
	}

	/**
	 * Return the {@code binance} signer (Binance FIX API): Username(553) is the API key,
	 * and RawData(96) the base64 Ed25519 signature, by the PEM {@code private-key}, of
	 * MsgType, SenderCompID, TargetCompID, MsgSeqNum and SendingTime joined by SOH.
	 * @return the signer
	 */
	public static FixLogonSigner binance() {
		return (logon, credentials) -> {
			credentials(logon, credentials);
			PrivateKey key = ed25519Key(FixCredentials.required(credentials.privateKey(), "private-key"));
			String payload = prehash(logon, MsgType.FIELD, SenderCompID.FIELD, TargetCompID.FIELD, MsgSeqNum.FIELD,
					SendingTime.FIELD);
			Signature signature = Signature.getInstance("Ed25519");
			signature.initSign(key);
			signature.update(payload.getBytes(StandardCharsets.UTF_8));
			rawData(logon, signature.sign());
		};
	}

	/**
	 * Return the {@code deribit} signer: Username(553) is the client id, RawData(96)
	 * {@code timestamp.nonce} (milliseconds of the clock, and 32 random bytes in base64),
	 * and Password(554) the base64 SHA-256 of RawData followed by the secret.
	 * @param clock the clock of the timestamps
	 * @return the signer
	 */
	public static FixLogonSigner deribit(Clock clock) {
		SecureRandom random = new SecureRandom();
		return (logon, credentials) -> {
			byte[] nonce = new byte[32];
			random.nextBytes(nonce);
			deribit(logon, credentials, clock.millis() + "." + Base64.getEncoder().encodeToString(nonce));
		};
	}

	static void deribit(Message logon, FixCredentials credentials, String rawData) throws Exception {
		String secret = FixCredentials.required(credentials.secret(), "secret");
		if (credentials.username() != null) {
			logon.setString(Username.FIELD, credentials.username());
		}
		byte[] digest = MessageDigest.getInstance("SHA-256")
			.digest((rawData + secret).getBytes(StandardCharsets.UTF_8));
		logon.setInt(RawDataLength.FIELD, rawData.length());
		logon.setString(RawData.FIELD, rawData);
		logon.setString(Password.FIELD, Base64.getEncoder().encodeToString(digest));
	}

	/**
	 * Parse a PKCS#8 PEM Ed25519 private key.
	 * @param pem the key, with or without its BEGIN and END lines
	 * @return the key
	 * @throws Exception if it is not an Ed25519 key
	 */
	static PrivateKey ed25519Key(String pem) throws Exception {
		String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
		return KeyFactory.getInstance("Ed25519")
			.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
	}

	/**
	 * Join fields of the Logon, from its header or its body, with SOH.
	 */
	static String prehash(Message logon, int... tags) throws FieldNotFound {
		StringJoiner joiner = new StringJoiner(String.valueOf(SOH));
		for (int tag : tags) {
			joiner.add(logon.getHeader().isSetField(tag) ? logon.getHeader().getString(tag) : logon.getString(tag));
		}
		return joiner.toString();
	}

	private static void credentials(Message logon, FixCredentials credentials) {
		if (credentials.username() != null) {
			logon.setString(Username.FIELD, credentials.username());
		}
		if (credentials.password() != null) {
			logon.setString(Password.FIELD, credentials.password());
		}
	}

	private static void rawData(Message logon, byte[] signature) {
		String encoded = Base64.getEncoder().encodeToString(signature);
		logon.setInt(RawDataLength.FIELD, encoded.length());
		logon.setString(RawData.FIELD, encoded);
	}

}
