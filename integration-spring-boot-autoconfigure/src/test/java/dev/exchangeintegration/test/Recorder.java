package dev.exchangeintegration.test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import dev.exchangeintegration.core.ErrorKind;
import dev.exchangeintegration.event.ExchangeErrorEvent;
import dev.exchangeintegration.event.ExchangeStateEvent;
import org.awaitility.Awaitility;

import org.springframework.context.event.EventListener;

/**
 * Records exchange error and state events.
 */
public class Recorder {

	private final List<ExchangeErrorEvent> errors = new CopyOnWriteArrayList<>();

	private final List<ExchangeStateEvent> states = new CopyOnWriteArrayList<>();

	@EventListener
	void onError(ExchangeErrorEvent event) {
		this.errors.add(event);
	}

	@EventListener
	void onState(ExchangeStateEvent event) {
		this.states.add(event);
	}

	public List<ExchangeErrorEvent> errors() {
		return this.errors;
	}

	public List<ExchangeErrorEvent> errors(ErrorKind kind) {
		return this.errors.stream().filter((error) -> error.getKind() == kind).toList();
	}

	public List<ExchangeStateEvent> states() {
		return this.states;
	}

	/**
	 * Return the state transitions as {@code "OLD->NEW"} strings, in order.
	 */
	public List<String> transitions() {
		return this.states.stream().map((event) -> event.getPrevious() + "->" + event.getCurrent()).toList();
	}

	public ExchangeErrorEvent awaitError(int index) {
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.errors.size() > index);
		return this.errors.get(index);
	}

	/**
	 * Wait for the first error matching the predicate.
	 */
	public ExchangeErrorEvent awaitError(Predicate<ExchangeErrorEvent> predicate) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.errors.stream().filter(predicate).findFirst().orElse(null), (error) -> error != null);
	}

	/**
	 * Wait until {@code count} transitions into {@code state} have been recorded.
	 */
	public void awaitState(dev.exchangeintegration.core.ConnectionState state, int count) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.states.stream().filter((event) -> event.getCurrent() == state).count() >= count);
	}

}
