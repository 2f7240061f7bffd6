package dev.exchangeintegration.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;

/**
 * The rate limits of one REST client, on Bucket4j: one bucket per limit, refilled whole
 * at the start of each window aligned to the clock. A request reserves its weight in
 * every limit that applies, in arrival order, and waits for the reservations, or fails
 * with {@link RateLimitExceededException} when one would take longer than the maximum
 * wait.
 */
public final class RestRateLimiter {

	private final String client;

	private final List<Limit> limits;

	private final Duration maxWait;

	private final ScheduledExecutorService scheduler;

	/**
	 * Create a limiter.
	 * @param client the client name
	 * @param specs the limits
	 * @param maxWait the longest a request may wait for capacity
	 * @param clock the clock windows are aligned to
	 * @param scheduler the scheduler that completes reservations
	 */
	public RestRateLimiter(String client, List<RateLimitSpec> specs, Duration maxWait, Clock clock,
			ScheduledExecutorService scheduler) {
		this.client = client;
		this.limits = specs.stream().map((spec) -> new Limit(spec, clock)).toList();
		this.maxWait = maxWait;
		this.scheduler = scheduler;
	}

	/**
	 * Reserve capacity for a request, lazily, on subscription.
	 * @param method the request method
	 * @param path the request path
	 * @param weight the request weight
	 * @return a mono that completes when the request may be sent
	 */
	public Mono<Void> acquire(HttpMethod method, String path, int weight) {
		if (this.limits.isEmpty()) {
			return Mono.empty();
		}
		return Mono.defer(() -> {
			List<Reservation> reservations = new ArrayList<>();
			for (Limit limit : this.limits) {
				if (!limit.spec.appliesTo(method, path)) {
					continue;
				}
				long tokens = limit.spec.weighted() ? weight : 1;
				CompletableFuture<Boolean> reserved = limit.bucket.asScheduler()
					.tryConsume(tokens, this.maxWait, this.scheduler);
				reservations.add(new Reservation(limit, tokens, reserved));
			}
			return Mono
				.fromFuture(CompletableFuture
					.allOf(reservations.stream().map(Reservation::reserved).toArray(CompletableFuture[]::new)))
				.then(Mono.defer(() -> granted(reservations, weight)));
		});
	}

	private Mono<Void> granted(List<Reservation> reservations, int weight) {
		Reservation refused = reservations.stream().filter((r) -> !r.reserved().join()).findFirst().orElse(null);
		if (refused == null) {
			return Mono.empty();
		}
		// give back what the other limits reserved for a request that will not be sent
		reservations.stream().filter((r) -> r.reserved().join()).forEach((r) -> r.limit().bucket.addTokens(r.tokens()));
		return Mono
			.error(new RateLimitExceededException(this.client, refused.limit().spec.name(), weight, this.maxWait));
	}

	/**
	 * Resynchronise the limits that have a usage header from a response's headers.
	 * @param header the response headers by name, case-insensitive
	 */
	public void resync(Function<String, @Nullable String> header) {
		for (Limit limit : this.limits) {
			String usageHeader = limit.spec.usageHeader();
			if (usageHeader == null) {
				continue;
			}
			String value = header.apply(usageHeader);
			if (value == null) {
				continue;
			}
			try {
				limit.resync(Long.parseLong(value.trim()));
			}
			catch (NumberFormatException ex) {
				// not a count: ignore it rather than fail a response that succeeded
			}
		}
	}

	/**
	 * Return the capacity left in the current window of a limit.
	 * @param name the limit name
	 * @return the available capacity
	 */
	public long available(String name) {
		return this.limits.stream()
			.filter((limit) -> limit.spec.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No rate limit named '" + name + "'")).bucket
			.getAvailableTokens();
	}

	private record Reservation(Limit limit, long tokens, CompletableFuture<Boolean> reserved) {

	}

	private static final class Limit {

		private final RateLimitSpec spec;

		private final Bucket bucket;

		Limit(RateLimitSpec spec, Clock clock) {
			this.spec = spec;
			long periodMillis = spec.period().toMillis();
			Instant now = clock.instant();
			Instant firstRefill = Instant.ofEpochMilli((now.toEpochMilli() / periodMillis + 1) * periodMillis);
			this.bucket = Bucket.builder()
				.addLimit(Bandwidth.builder()
					.capacity(spec.limit())
					.refillIntervallyAligned(spec.limit(), spec.period(), firstRefill)
					.build())
				.build();
		}

		/**
		 * Make the capacity left match what the exchange says is used of the window.
		 */
		void resync(long used) {
			long target = Math.max(0, this.spec.limit() - used);
			long available = this.bucket.getAvailableTokens();
			if (available > target) {
				this.bucket.consumeIgnoringRateLimits(available - target);
			}
			else if (available < target) {
				this.bucket.addTokens(target - available);
			}
		}

	}

}
