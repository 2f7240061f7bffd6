package dev.exchangeintegration.rest;

import java.time.Clock;

import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Signs each request of a REST client just before it is sent, with the client's
 * {@link RequestSigner}: it signs the {@link EncodedRequest} the request carries, with a
 * fresh timestamp and nonce, so that every attempt of a retried request is signed anew,
 * and sends exactly what was signed. Filters ahead of it see the request unsigned.
 */
final class SigningFilter implements ExchangeFilterFunction {

	private final RequestSigner signer;

	private final RestCredentials credentials;

	private final Clock clock;

	private final Nonces nonces = new Nonces();

	SigningFilter(RequestSigner signer, RestCredentials credentials, Clock clock) {
		this.signer = signer;
		this.credentials = credentials;
		this.clock = clock;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		if (!(request.attribute(EncodedRequest.ATTRIBUTE).orElse(null) instanceof EncodedRequest encoded)) {
			return next.exchange(request);
		}
		return Mono.defer(() -> next.exchange(sign(request, encoded)));
	}

	private ClientRequest sign(ClientRequest request, EncodedRequest encoded) {
		SignableRequest signable = encoded.toSignable(this.clock.instant(), this.nonces.next(this.clock));
		this.signer.sign(signable, this.credentials);
		ClientRequest.Builder signed = ClientRequest.from(request)
			.url(encoded.uri(signable.path(), signable.encodedQuery()))
			.headers((headers) -> signable.headers().forEach(headers::set));
		if (!signable.body().isEmpty()) {
			signed.headers((headers) -> headers.setContentType(encoded.contentType()))
				.body(BodyInserters.fromValue(EncodedRequest.bytes(signable.body())));
		}
		return signed.build();
	}

	@Override
	public String toString() {
		return "SigningFilter[" + this.signer + "]";
	}

}
