package dev.ingate.observe.usage;

/**
 * Newline-delimited JSON (Ollama's streams): one event per line, a trailing CR dropped, blank lines skipped;
 * the record separator that starts each line of {@code application/json-seq} is dropped too.
 */
final class NdjsonSplitter implements EventSplitter {

    private static final byte RECORD_SEPARATOR = 0x1E;

    @Override
    public int split(byte[] bytes, int from, int to, boolean atEnd, Sink sink) {
        int lineStart = from;
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                line(bytes, lineStart, i, sink);
                lineStart = i + 1;
            }
        }
        if (atEnd && lineStart < to) {
            line(bytes, lineStart, to, sink);
            return to;
        }
        return lineStart;
    }

    private static void line(byte[] bytes, int from, int to, Sink sink) {
        int start = from < to && bytes[from] == RECORD_SEPARATOR ? from + 1 : from;
        int end = to > start && bytes[to - 1] == '\r' ? to - 1 : to;
        if (Bytes.skipSpaces(bytes, start, end) < end) {
            sink.event(bytes, start, end);
        }
    }
}
