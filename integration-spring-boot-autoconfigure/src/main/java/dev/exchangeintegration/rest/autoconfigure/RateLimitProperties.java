package dev.exchangeintegration.rest.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * One rate limit of a REST client, under
 * {@code exchange-integration.rest.NAME.rate-limits[i]}.
 */
public class RateLimitProperties {

	/**
	 * Name of the limit, used in errors; defaults to its position, such as limit-0.
	 */
	private @Nullable String name;

	/**
	 * Capacity per window: requests, or request weight when weighted.
	 */
	private long limit;

	/**
	 * Length of a window; windows are aligned to the clock.
	 */
	private Duration period = Duration.ofMinutes(1);

	/**
	 * Whether a request consumes its declared weight (true) or 1 (false, as for an order
	 * count).
	 */
	private boolean weighted = true;

	/**
	 * Methods the limit applies to; all when empty.
	 */
	private Set<HttpMethod> methods = new LinkedHashSet<>();

	/**
	 * Path prefixes the limit applies to; all when empty.
	 */
	private List<String> paths = new ArrayList<>();

	/**
	 * Response header with the exchange's count of the window's usage, such as
	 * X-MBX-USED-WEIGHT-1M, from which the limit resynchronises.
	 */
	private @Nullable String usageHeader;

	public @Nullable String getName() {
		return this.name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public long getLimit() {
		return this.limit;
	}

	public void setLimit(long limit) {
		this.limit = limit;
	}

	public Duration getPeriod() {
		return this.period;
	}

	public void setPeriod(Duration period) {
		this.period = period;
	}

	public boolean isWeighted() {
		return this.weighted;
	}

	public void setWeighted(boolean weighted) {
		this.weighted = weighted;
	}

	public Set<HttpMethod> getMethods() {
		return this.methods;
	}

	public void setMethods(Set<HttpMethod> methods) {
		this.methods = methods;
	}

	public List<String> getPaths() {
		return this.paths;
	}

	public void setPaths(List<String> paths) {
		this.paths = paths;
	}

	public @Nullable String getUsageHeader() {
		return this.usageHeader;
	}

	public void setUsageHeader(@Nullable String usageHeader) {
		this.usageHeader = usageHeader;
	}

}
