package dev.exchangeintegration.core;

/**
 * The code and reason with which a connection closed, as the transport reports them.
 *
 * @param code the transport's own close code, such as a WebSocket close code (1001 when
 * the server is going away); {@code 0} when the transport gave none
 * @param reason the reason text, possibly empty
 */
public record CloseStatus(int code, String reason) {

	/**
	 * The status with which a transport over a finite source, such as a replay that does
	 * not loop, ends its connection when the source is exhausted: the stream then
	 * completes, without an error and without reconnecting.
	 */
	public static final CloseStatus END_OF_STREAM = new CloseStatus(-1, "end of stream");

	@Override
	public String toString() {
		return this.reason.isEmpty() ? String.valueOf(this.code)
				: this.code + " (" + Excerpts.escape(this.reason, Frame.EXCERPT_LENGTH) + ")";
	}

}
