package dev.exchangeintegration.fix;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a FIX exchange's connections share: possible duplicates of delivered messages are
 * not delivered again, until the sequence numbers are reset; request ids never repeat.
 */
class FixDeliveriesTests {

	private final FixTransport.Deliveries deliveries = new FixTransport.Deliveries("venue");

	@Test
	void possibleDuplicateOfADeliveredMessageIsNotDeliveredAgain() {
		assertThat(this.deliveries.accept(1, false)).isTrue();
		assertThat(this.deliveries.accept(2, false)).isTrue();
		assertThat(this.deliveries.accept(2, true)).isFalse();
		assertThat(this.deliveries.accept(1, true)).isFalse();
		assertThat(this.deliveries.accept(3, true)).isTrue();
		assertThat(this.deliveries.accept(3, true)).isFalse();
	}

	@Test
	void afterAResetTheSequenceStartsAgain() {
		this.deliveries.accept(5, false);
		this.deliveries.reset();
		assertThat(this.deliveries.accept(1, true)).isTrue();
		assertThat(this.deliveries.accept(1, true)).isFalse();
	}

	@Test
	void requestIdsAreUnique() {
		String first = this.deliveries.nextRequestId();
		String second = this.deliveries.nextRequestId();
		assertThat(first).startsWith("venue-").endsWith("-1");
		assertThat(second).startsWith("venue-").endsWith("-2");
	}

}
