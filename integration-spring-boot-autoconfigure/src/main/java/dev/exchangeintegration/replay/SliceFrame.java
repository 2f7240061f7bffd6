package dev.exchangeintegration.replay;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import dev.exchangeintegration.core.Excerpts;
import dev.exchangeintegration.core.Frame;
import dev.exchangeintegration.core.UnexpectedFrameException;

/**
 * A frame over a range of an array, which {@link #array()} returns as it is.
 */
abstract class SliceFrame implements Frame {

	@Override
	public InputStream inputStream() {
		return new ByteArrayInputStream(array(), arrayOffset(), length());
	}

	@Override
	public byte[] toByteArray() {
		return Arrays.copyOfRange(array(), arrayOffset(), arrayOffset() + length());
	}

	@Override
	public String toText() {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(array(), arrayOffset(), length()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw UnexpectedFrameException.invalidUtf8(length());
		}
	}

	@Override
	public String excerpt() {
		int prefix = Math.min(length(), EXCERPT_LENGTH * 4);
		return Excerpts.of(new String(array(), arrayOffset(), prefix, StandardCharsets.UTF_8), length());
	}

}
