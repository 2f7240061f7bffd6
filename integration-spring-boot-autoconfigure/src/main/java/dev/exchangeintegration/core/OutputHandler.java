package dev.exchangeintegration.core;

/**
 * Receives the outputs of an {@link ExchangeStream} for one consumer, one at a time, in
 * order.
 *
 * @param <O> the output type
 */
@FunctionalInterface
public interface OutputHandler<O> {

	/**
	 * Handle one output. An exception thrown here is reported as an
	 * {@link ErrorKind#LISTENER} error and the next output is delivered.
	 * @param output the output
	 * @param context where and when the output came from; only valid during this call
	 * @throws Exception to report an error for this output
	 */
	void onOutput(O output, OutputContext context) throws Exception;

}
