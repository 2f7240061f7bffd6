package dev.exchangeintegration.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.http.HttpMethod;

/**
 * The rate limits of one REST client, on Bucket4j: one bucket per limit, refilled whole
 * at the start of each window aligned to the clock. A request takes its weight from every
 * limit that applies, all at once when all have capacity; otherwise it waits for the
 * refill and tries again, or fails with {@link RateLimitExceededException} when that
 * would take longer than the maximum wait. Nothing is held while a request waits, so a
 * request cancelled while waiting leaves no trace.
 */
public final class RestRateLimiter {

	private final String client;

	private final List<Limit> limits;

	private final Duration maxWait;

	private final Scheduler scheduler;

	private volatile long pausedUntil;

	private volatile boolean paused;

	/**
	 * Create a limiter.
	 * @param client the client name
	 * @param specs the limits
	 * @param maxWait the longest a request may wait for capacity
	 * @param clock the clock windows are aligned to
	 * @param scheduler the scheduler of the waits
	 */
	public RestRateLimiter(String client, List<RateLimitSpec> specs, Duration maxWait, Clock clock,
			Scheduler scheduler) {
		this.client = client;
		this.limits = specs.stream().map((spec) -> new Limit(spec, clock)).toList();
		this.maxWait = maxWait;
		this.scheduler = scheduler;
	}

	/**
	 * Take capacity for a request, lazily, on subscription.
	 * @param method the request method
	 * @param path the request path
	 * @param weight the request weight, at least 1
	 * @return a mono that completes when the request may be sent, or fails with
	 * {@link RateLimitExceededException} at once when the capacity cannot free up within
	 * the maximum wait or the weight exceeds a limit altogether
	 */
	public Mono<Void> acquire(HttpMethod method, String path, int weight) {
		if (weight < 1) {
			return Mono.error(new IllegalArgumentException("A request weight must be at least 1, was " + weight));
		}
		return Mono.defer(() -> tryAcquire(method, path, weight, System.nanoTime() + this.maxWait.toNanos()));
	}

	private Mono<Void> tryAcquire(HttpMethod method, String path, int weight, long deadline) {
		long pause = this.pausedUntil - System.nanoTime();
		long waitNanos = (this.paused && pause > 0) ? pause : 0;
		String blocking = "retry-after";
		if (waitNanos == 0) {
			List<Taken> taken = new ArrayList<>();
			for (Limit limit : this.limits) {
				if (!limit.spec.appliesTo(method, path)) {
					continue;
				}
				long tokens = limit.spec.weighted() ? weight : 1;
				if (tokens > limit.spec.limit()) {
					giveBack(taken);
					return Mono
						.error(new RateLimitExceededException(this.client, limit.spec.name(), tokens, this.maxWait));
				}
				if (!limit.bucket.tryConsume(tokens)) {
					giveBack(taken);
					EstimationProbe probe = limit.bucket.estimateAbilityToConsume(tokens);
					waitNanos = Math.max(1, probe.getNanosToWaitForRefill());
					blocking = limit.spec.name();
					break;
				}
				taken.add(new Taken(limit, tokens));
			}
			if (waitNanos == 0) {
				return Mono.empty();
			}
		}
		if (System.nanoTime() + waitNanos > deadline) {
			return Mono.error(new RateLimitExceededException(this.client, blocking, weight, this.maxWait));
		}
		return Mono.delay(Duration.ofNanos(waitNanos), this.scheduler)
			.then(Mono.defer(() -> tryAcquire(method, path, weight, deadline)));
	}

	private static void giveBack(List<Taken> taken) {
		taken.forEach((t) -> t.limit().bucket.addTokens(t.tokens()));
	}

	/**
	 * Hold every request of the client for a while, for example after a 429 with
	 * {@code Retry-After}, so that other requests do not earn the exchange's ban.
	 * @param delay how long requests must wait
	 */
	public synchronized void pauseFor(Duration delay) {
		long until = System.nanoTime() + delay.toNanos();
		if (!this.paused || until - this.pausedUntil > 0) {
			this.pausedUntil = until;
			this.paused = true;
		}
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

	private record Taken(Limit limit, long tokens) {

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
		 * Lower the capacity left to what the exchange says is unused of the window. It
		 * is never raised: requests in flight may not be counted by the exchange yet, and
		 * the next window refills it anyway.
		 */
		void resync(long used) {
			long target = Math.max(0, this.spec.limit() - used);
			long available = this.bucket.getAvailableTokens();
			if (available > target) {
				this.bucket.consumeIgnoringRateLimits(available - target);
			}
		}

	}

}
