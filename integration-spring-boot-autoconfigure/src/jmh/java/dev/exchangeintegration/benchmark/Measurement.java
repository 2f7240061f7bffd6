package dev.exchangeintegration.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * What one contender measured in one round.
 *
 * @param contender the contender's name
 * @param expected the frames the server sent
 * @param received the trades the consumer received
 * @param checksumError the sum of the received trade ids less the expected sum, when as
 * many were received as expected
 * @param sequenceBreaks trades whose id did not follow the one before: one for each run
 * of lost frames, each duplicate and each reordering
 * @param nanos time from the first trade of the connection to its last, 0 when the last
 * never came
 * @param notes anything else that went wrong, such as dropped outputs or errors
 */
record Measurement(String contender, long expected, long received, long checksumError, long sequenceBreaks, long nanos,
		List<String> notes) {

	Measurement(String contender, long expected, long received, long checksumError, long sequenceBreaks, long nanos) {
		this(contender, expected, received, checksumError, sequenceBreaks, nanos, List.of());
	}

	Measurement withNote(String note) {
		List<String> all = new ArrayList<>(this.notes);
		all.add(note);
		return new Measurement(this.contender, this.expected, this.received, this.checksumError, this.sequenceBreaks,
				this.nanos, List.copyOf(all));
	}

	boolean complete() {
		return this.received == this.expected && this.checksumError == 0 && this.sequenceBreaks == 0
				&& this.notes.isEmpty();
	}

	/**
	 * Return the trades per second from the first to the last, which is the last less the
	 * first intervals.
	 * @return the frames per second, or 0 when incomplete
	 */
	double framesPerSecond() {
		return (this.nanos > 0) ? (this.received - 1) * 1e9 / this.nanos : 0;
	}

	String describe() {
		String outcome = complete() ? "ok" : "LOSS: " + problems();
		return String.format("%-9s %,d frames in %.2f s = %s frames/s  %s", this.contender, this.received,
				this.nanos / 1e9, EndToEndBenchmark.thousands(framesPerSecond()), outcome);
	}

	private String problems() {
		List<String> problems = new ArrayList<>();
		if (this.received != this.expected) {
			problems.add("received " + this.received + " of " + this.expected);
		}
		if (this.checksumError != 0) {
			problems.add("checksum off by " + this.checksumError);
		}
		if (this.sequenceBreaks > 0) {
			problems.add(this.sequenceBreaks + " break(s) in the id sequence");
		}
		problems.addAll(this.notes);
		return String.join(", ", problems);
	}

}
