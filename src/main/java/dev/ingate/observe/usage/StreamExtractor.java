package dev.ingate.observe.usage;

import dev.ingate.pipeline.LoopJson;
import io.vertx.core.buffer.Buffer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import java.util.Arrays;

/**
 * Usage from a stream (SSE or NDJSON), event by event: each event that passes the shape's cheap byte check
 * is parsed on its own, and what it said is kept only if it parsed whole, so a garbled or truncated event
 * changes nothing. Nothing of the body is kept but the figures, and the bytes of an unfinished event when
 * a chunk ends mid-event (the relay's framer never does that, but the extractor does not rely on it).
 */
final class StreamExtractor implements UsageExtractor, EventSplitter.Sink {

    static final JsonFactory JSON = LoopJson.factory();

    /** An unfinished event larger than this is dropped; the splitter finds its feet at the next blank line. */
    private static final int MAX_PENDING = 16 * 1024 * 1024;
    private static final int RETAINED = 64 * 1024;
    private static final byte[] NO_BYTES = new byte[0];

    private final ShapeReader reader;
    private final EventSplitter splitter;
    private final JsonWalker walker;
    private final UsageTally tally = new UsageTally();
    private final UsageTally event = new UsageTally();
    private byte[] pending = NO_BYTES;
    private int pendingLength;
    private UsageFacts result;

    StreamExtractor(ShapeReader reader, EventSplitter splitter) {
        this.reader = reader;
        this.splitter = splitter;
        this.walker = new JsonWalker(reader);
    }

    @Override
    public void onChunk(Buffer bytes) {
        if (result != null || bytes == null || bytes.length() == 0) {
            return;
        }
        try {
            Bytes.Span span = Bytes.of(bytes);
            feed(span.array(), span.from(), span.to());
        } catch (RuntimeException e) {
            pendingLength = 0; // never let a usage bug reach the relay; start afresh with the next chunk
        }
    }

    @Override
    public boolean sawFirstToken() {
        return tally.firstToken;
    }

    @Override
    public UsageFacts finish() {
        if (result == null) {
            try {
                // the stream ended: an event left without its blank line still counts
                int total = pendingLength;
                pendingLength = 0;
                splitter.split(pending, 0, total, true, this);
            } catch (RuntimeException e) {
                // whatever was read before stands
            }
            pending = null;
            result = tally.facts(reader, tally.firstToken);
        }
        return result;
    }

    private void feed(byte[] bytes, int from, int to) {
        if (pendingLength == 0) {
            int done = splitter.split(bytes, from, to, false, this);
            keep(bytes, done, to);
            return;
        }
        // rare: the last chunk ended mid-event; read that event again, now with its continuation
        int length = to - from;
        if (pendingLength + length > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + length));
        }
        System.arraycopy(bytes, from, pending, pendingLength, length);
        pendingLength += length;
        int total = pendingLength;
        pendingLength = 0;
        int done = splitter.split(pending, 0, total, false, this);
        keep(pending, done, total);
    }

    /** Keeps {@code bytes[from, to)}, the start of an unfinished event, for the next chunk. */
    private void keep(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length == 0 || length > MAX_PENDING) {
            pendingLength = 0;
            if (pending.length > RETAINED) {
                pending = NO_BYTES; // one big event must not pin its buffer for the rest of a long stream
            }
            return;
        }
        if (bytes != pending && length > pending.length) {
            pending = new byte[Math.max(length, 1024)];
        }
        System.arraycopy(bytes, from, pending, 0, length);
        pendingLength = length;
    }

    @Override
    public void event(byte[] bytes, int from, int to) {
        int start = Bytes.skipSpaces(bytes, from, to);
        // only JSON objects are worth a look: "[DONE]" and other sentinels are not
        if (start >= to || bytes[start] != '{' || !reader.worthParsing(bytes, start, to, tally)) {
            return;
        }
        event.clear();
        walker.reset();
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), bytes, start, to - start)) {
            walker.walk(parser, event);
        } catch (RuntimeException malformed) {
            return; // a broken event tells nothing
        }
        tally.absorb(event);
    }
}
