package dev.exchangeintegration.actuate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import dev.exchangeintegration.actuate.ExchangeDescriptions.ExchangeDescriptor;
import dev.exchangeintegration.actuate.ExchangesEndpoint.UnknownExchangeException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * The {@code exchanges} endpoint over HTTP: a write operation on an unknown exchange
 * answers {@code 404}, and any other bad request {@code 400}, each with a body whose
 * {@code message} says what was wrong.
 */
@EndpointWebExtension(endpoint = ExchangesEndpoint.class)
public class ExchangesEndpointWebExtension {

	private final ExchangesEndpoint delegate;

	/**
	 * Create a new instance.
	 * @param delegate the endpoint
	 */
	public ExchangesEndpointWebExtension(ExchangesEndpoint delegate) {
		this.delegate = delegate;
	}

	/**
	 * Act on an exchange, as {@link ExchangesEndpoint#control} does.
	 * @param name the exchange name
	 * @param action {@code stop}, {@code start}, {@code reconnect} or {@code subscribe}
	 * @param subscription the subscription message, for {@code subscribe}
	 * @return the exchange after the action, or the error
	 */
	@WriteOperation
	public WebEndpointResponse<Object> control(@Selector String name, @Selector String action,
			@Nullable String subscription) {
		return respond(() -> this.delegate.control(name, action, subscription));
	}

	/**
	 * Act on a listener of an exchange, as {@link ExchangesEndpoint#controlListener}
	 * does.
	 * @param name the exchange name
	 * @param listeners the literal {@code listeners}
	 * @param id the listener id
	 * @param action {@code pause}, {@code resume}, {@code stop} or {@code start}
	 * @return the exchange after the action, or the error
	 */
	@WriteOperation
	public WebEndpointResponse<Object> controlListener(@Selector String name, @Selector String listeners,
			@Selector String id, @Selector String action) {
		return respond(() -> this.delegate.controlListener(name, listeners, id, action));
	}

	private WebEndpointResponse<Object> respond(Supplier<ExchangeDescriptor> action) {
		try {
			return new WebEndpointResponse<>(action.get());
		}
		catch (InvalidEndpointRequestException ex) {
			int status = (ex instanceof UnknownExchangeException) ? WebEndpointResponse.STATUS_NOT_FOUND
					: WebEndpointResponse.STATUS_BAD_REQUEST;
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("status", status);
			body.put("error", ex.getReason());
			body.put("message", ex.getMessage());
			return new WebEndpointResponse<>(body, status);
		}
	}

}
