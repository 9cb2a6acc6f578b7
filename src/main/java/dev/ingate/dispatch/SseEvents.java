package dev.ingate.dispatch;

import java.util.function.BiConsumer;

/**
 * Reads whole SSE events (as the relay's framer cuts them): the {@code event:} name, if any, and the
 * {@code data:} lines joined by newlines, per the HTML spec's event-stream rules. Comments, ids and
 * retry hints are of no use to a translator and are skipped; so are events without data.
 */
final class SseEvents {

    private SseEvents() {
    }

    static void forEach(String text, BiConsumer<String, String> event) {
        String name = null;
        StringBuilder data = null;
        int start = 0;
        int length = text.length();
        while (start <= length) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            int lineEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            if (lineEnd == start) {
                if (data != null) {
                    event.accept(name, data.toString());
                }
                name = null;
                data = null;
            } else if (text.startsWith("data:", start)) {
                String value = field(text, start + 5, lineEnd);
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            } else if (text.startsWith("event:", start)) {
                name = field(text, start + 6, lineEnd);
            }
            if (end == length) {
                break;
            }
            start = end + 1;
        }
        if (data != null) {
            event.accept(name, data.toString());
        }
    }

    /** A field's value: after the colon, one leading space removed. */
    private static String field(String text, int from, int to) {
        return text.substring(from < to && text.charAt(from) == ' ' ? from + 1 : from, to);
    }
}
