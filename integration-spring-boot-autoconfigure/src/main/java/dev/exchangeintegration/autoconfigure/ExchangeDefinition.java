package dev.exchangeintegration.autoconfigure;

import dev.exchangeintegration.autoconfigure.transport.ExchangeTransportFactory.TransportDefinition;
import dev.exchangeintegration.core.ExchangeStream;
import dev.exchangeintegration.core.ProtocolParser;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;

/**
 * The merged and checked configuration of one enabled exchange: everything its stream is
 * made of.
 *
 * @param name the exchange name
 * @param inputType the type frames are parsed into
 * @param outputType the type of the stream's outputs
 * @param transformerBean the name of the transformer bean, or {@code null} when the
 * parsed message is the output
 * @param parser the parser of the exchange's frames
 * @param transport the exchange's transport
 * @param stream the settings of the stream that do not depend on the protocol
 */
public record ExchangeDefinition(String name, ResolvableType inputType, ResolvableType outputType,
		@Nullable String transformerBean, ProtocolParser<?> parser, TransportDefinition transport, StreamSpec stream) {

	/**
	 * Return the name of the exchange's {@link ExchangeStream} bean.
	 * @return the bean name
	 */
	public String streamBeanName() {
		return ExchangeStreamBeanNames.stream(this.name);
	}

}
