package dev.exchangeintegration.rest;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link RestRateLimiter}.
 */
class RestRateLimiterTests {

	private final Scheduler scheduler = Schedulers.newSingle("limiter-test", true);

	@AfterEach
	void dispose() {
		this.scheduler.dispose();
	}

	@Test
	void requestCancelledWhileWaitingLeavesTheNextWindowWhole() {
		RestRateLimiter limiter = limiter(
				new RateLimitSpec("second", 2, Duration.ofSeconds(1), true, Set.of(), List.of(), null),
				Duration.ofSeconds(5));
		StepVerifier.create(limiter.acquire(HttpMethod.GET, "/a", 2)).verifyComplete();
		Disposable waiting = limiter.acquire(HttpMethod.GET, "/a", 1).subscribe();
		waiting.dispose();
		// a new window refills to 2; nothing of the cancelled request is left reserved
		await().atMost(Duration.ofSeconds(5)).until(() -> limiter.available("second") == 2);
	}

	@Test
	void refusalIsImmediateAndTakesNothingFromTheOtherLimits() {
		RateLimitSpec wide = new RateLimitSpec("wide", 100, Duration.ofHours(1), true, Set.of(), List.of(), null);
		RateLimitSpec orders = new RateLimitSpec("orders", 1, Duration.ofHours(1), false, Set.of(HttpMethod.POST),
				List.of(), null);
		RestRateLimiter limiter = limiter(List.of(wide, orders), Duration.ofMillis(100));
		StepVerifier.create(limiter.acquire(HttpMethod.POST, "/order", 1)).verifyComplete();
		long start = System.nanoTime();
		StepVerifier.create(limiter.acquire(HttpMethod.POST, "/order", 1))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(RateLimitExceededException.class)
				.hasMessageContaining("rate limit 'orders'"))
			.verify(Duration.ofSeconds(5));
		// the hour's refill is too far: refused without waiting out the maximum wait
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
		assertThat(limiter.available("wide")).isEqualTo(99);
		assertThat(limiter.available("orders")).isZero();
	}

	@Test
	void weightAboveALimitIsRefusedAtOnce() {
		RestRateLimiter limiter = limiter(
				new RateLimitSpec("weight", 10, Duration.ofHours(1), true, Set.of(), List.of(), null),
				Duration.ofSeconds(5));
		StepVerifier.create(limiter.acquire(HttpMethod.GET, "/a", 11))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(RateLimitExceededException.class)
				.hasMessageContaining("rate limit 'weight' has no capacity for weight 11"))
			.verify(Duration.ofSeconds(1));
		assertThat(limiter.available("weight")).isEqualTo(10);
	}

	@Test
	void usageHeaderOnlyEverLowersTheCapacityLeft() {
		RestRateLimiter limiter = limiter(new RateLimitSpec("weight", 2400, Duration.ofHours(1), true, Set.of(),
				List.of(), "X-MBX-USED-WEIGHT-1M"), Duration.ofSeconds(5));
		limiter.resync((name) -> name.equals("X-MBX-USED-WEIGHT-1M") ? "2390" : null);
		assertThat(limiter.available("weight")).isEqualTo(10);
		limiter.resync((name) -> "5");
		assertThat(limiter.available("weight")).isEqualTo(10);
	}

	private RestRateLimiter limiter(RateLimitSpec spec, Duration maxWait) {
		return limiter(List.of(spec), maxWait);
	}

	private RestRateLimiter limiter(List<RateLimitSpec> specs, Duration maxWait) {
		return new RestRateLimiter("test", specs, maxWait, Clock.systemUTC(), this.scheduler);
	}

}
