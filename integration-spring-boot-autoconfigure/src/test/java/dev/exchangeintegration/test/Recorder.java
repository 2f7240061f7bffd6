package dev.exchangeintegration.test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.exchangeintegration.event.ExchangeErrorEvent;
import org.awaitility.Awaitility;

import org.springframework.context.event.EventListener;

/**
 * Records exchange error events.
 */
public class Recorder {

	private final List<ExchangeErrorEvent> errors = new CopyOnWriteArrayList<>();

	@EventListener
	void onError(ExchangeErrorEvent event) {
		this.errors.add(event);
	}

	public List<ExchangeErrorEvent> errors() {
		return this.errors;
	}

	public ExchangeErrorEvent awaitError(int index) {
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.errors.size() > index);
		return this.errors.get(index);
	}

}
