package dev.ingate.stream;

import io.vertx.core.buffer.Buffer;

/**
 * Cuts a byte stream at event boundaries so that only whole events are passed on: everything up to
 * the last complete event goes out at once, a partial event waits for the bytes that finish it.
 * SSE events end with a blank line ({@code \n\n} or {@code \r\n\r\n}); NDJSON records with {@code \n}.
 */
public final class EventFramer {

    private final Framing framing;
    private Buffer pending;

    public EventFramer(Framing framing) {
        this.framing = framing;
    }

    /** The whole events now complete (possibly several, possibly none: an empty buffer). */
    public Buffer push(Buffer chunk) {
        int scanFrom = pending == null ? 0 : Math.max(0, pending.length() - 2);
        Buffer data = pending == null ? chunk : pending.appendBuffer(chunk);
        int end = lastBoundaryEnd(data, scanFrom);
        if (end == data.length()) {
            pending = null;
            return data;
        }
        pending = data.getBuffer(end, data.length());
        return end == 0 ? Buffer.buffer(0) : data.slice(0, end);
    }

    /** What is left when the stream ends: a last event without its terminator, sent as it is. */
    public Buffer remainder() {
        Buffer rest = pending;
        pending = null;
        return rest == null ? Buffer.buffer(0) : rest;
    }

    /**
     * Index just after the last event terminator, 0 when there is none. Scans from the end, and only
     * the new bytes (pending bytes held no terminator), so a long event costs linear time in all.
     */
    private int lastBoundaryEnd(Buffer data, int scanFrom) {
        int length = data.length();
        for (int i = length - 1; i >= scanFrom; i--) {
            if (data.getByte(i) != '\n') {
                continue;
            }
            if (framing == Framing.NDJSON) {
                return i + 1;
            }
            if (i >= 1 && data.getByte(i - 1) == '\n') {
                return i + 1;
            }
            if (i >= 2 && data.getByte(i - 1) == '\r' && data.getByte(i - 2) == '\n') {
                return i + 1;
            }
        }
        return 0;
    }
}
