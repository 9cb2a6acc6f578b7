package dev.ingate.observe;

import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;
import dev.ingate.stream.Rewriter;

/**
 * Takes out of an OpenAI SSE stream what {@link StreamUsageRequest} made the upstream add: the final
 * usage-only chunk ({@code "choices":[]} with a usage object) and the {@code "usage":null} field of the
 * other chunks. Works on whole events, as the relay hands them over.
 */
public final class OpenAiUsageStripper implements Rewriter {

    @Override
    public Buffer apply(Buffer events) {
        String text = events.toString(StandardCharsets.UTF_8);
        if (!text.contains("\"usage\"")) {
            return events;
        }
        StringBuilder out = new StringBuilder(text.length());
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf("\n\n", start);
            end = end < 0 ? text.length() : end + 2;
            String event = text.substring(start, end);
            if (!(event.contains("\"choices\":[]") && event.contains("\"usage\":{"))) {
                out.append(event.replace(",\"usage\":null", "").replace("\"usage\":null,", ""));
            }
            start = end;
        }
        return Buffer.buffer(out.toString());
    }
}
