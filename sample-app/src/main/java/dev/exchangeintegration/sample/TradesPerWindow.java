package dev.exchangeintegration.sample;

import java.time.Duration;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The Flux style: counts trades in 5-second windows.
 */
@Component
public class TradesPerWindow implements DisposableBean {

	private static final Log logger = LogFactory.getLog(TradesPerWindow.class);

	private final Disposable subscription;

	TradesPerWindow(@Qualifier("binance-futures") Flux<TradeVolume> trades) {
		this.subscription = trades.buffer(Duration.ofSeconds(5)).subscribe(this::report);
	}

	private void report(List<TradeVolume> window) {
		logger.info(window.size() + " trades in the last 5 s");
	}

	@Override
	public void destroy() {
		this.subscription.dispose();
	}

}
