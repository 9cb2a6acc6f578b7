package dev.ingate.guard;

import dev.ingate.stream.Framing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One event of a relayed stream, cut around its JSON payload so the payload can be rewritten and everything else
 * kept: {@code head} (the SSE lines before the payload), the payload, {@code tail} (its line end and the blank line).
 * An event without a JSON payload ({@code [DONE]}, comments) has a null {@code json}.
 *
 * @param name the SSE event name, "" when none (NDJSON, or OpenAI's unnamed events)
 */
record StreamEvent(String name, String head, byte[] json, String tail) {

    String text() {
        return json == null ? head : head + new String(json, StandardCharsets.UTF_8) + tail;
    }

    /** The whole events of one relayed buffer (the relay hands over whole events only). */
    static List<StreamEvent> split(String events, Framing framing) {
        List<StreamEvent> out = new ArrayList<>();
        int at = 0;
        while (at < events.length()) {
            int end = framing == Framing.NDJSON ? lineEnd(events, at) : eventEnd(events, at);
            out.add(framing == Framing.NDJSON ? ndjson(events.substring(at, end)) : sse(events.substring(at, end)));
            at = end;
        }
        return out;
    }

    private static int lineEnd(String text, int from) {
        int nl = text.indexOf('\n', from);
        return nl < 0 ? text.length() : nl + 1;
    }

    /** Just past the blank line that ends the SSE event starting at {@code from}. */
    private static int eventEnd(String text, int from) {
        int at = from;
        while (at < text.length()) {
            int end = lineEnd(text, at);
            String line = text.substring(at, end);
            at = end;
            if (line.equals("\n") || line.equals("\r\n")) {
                return at;
            }
        }
        return text.length();
    }

    private static StreamEvent ndjson(String line) {
        String trimmed = line.strip();
        if (!trimmed.startsWith("{")) {
            return new StreamEvent("", line, null, "");
        }
        int start = line.indexOf('{');
        int end = line.lastIndexOf('}') + 1;
        return new StreamEvent("", line.substring(0, start), line.substring(start, end).getBytes(StandardCharsets.UTF_8), line.substring(end));
    }

    private static StreamEvent sse(String event) {
        String name = "";
        int at = 0;
        while (at < event.length()) {
            int end = lineEnd(event, at);
            String line = event.substring(at, end);
            if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                int start = at + (line.startsWith("data: ") ? 6 : 5);
                int stop = end;
                while (stop > start && (event.charAt(stop - 1) == '\n' || event.charAt(stop - 1) == '\r')) {
                    stop--;
                }
                String payload = event.substring(start, stop);
                if (payload.startsWith("{")) {
                    return new StreamEvent(name, event.substring(0, start), payload.getBytes(StandardCharsets.UTF_8), event.substring(stop));
                }
            }
            at = end;
        }
        return new StreamEvent(name, event, null, "");
    }
}
