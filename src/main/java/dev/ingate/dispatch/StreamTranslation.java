package dev.ingate.dispatch;

import dev.ingate.stream.Framing;
import dev.ingate.stream.Rewriter;
import dev.ingate.translate.StreamTranslator;
import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Translates a relayed stream event by event: the relay hands over whole upstream events (SSE blocks or NDJSON
 * lines), each goes through the stream's own translator, and the caller gets its shape's frames at once.
 * Nothing is held back beyond the event being translated.
 */
final class StreamTranslation implements Rewriter {

    private final StreamTranslator translator;
    private final Framing upstreamFraming;
    private final java.util.function.Consumer<Buffer> clientTap;

    StreamTranslation(Translation translation, Framing upstreamFraming, java.util.function.Consumer<Buffer> clientTap) {
        this.translator = new StreamTranslator(translation.upstream().streamDecoder(),
                translation.caller().streamEncoder(translation.callerRequest()));
        this.upstreamFraming = upstreamFraming;
        this.clientTap = clientTap;
    }

    @Override
    public Buffer apply(Buffer events) {
        StringBuilder out = new StringBuilder();
        String text = events.toString(StandardCharsets.UTF_8);
        if (upstreamFraming == Framing.NDJSON) {
            forEachLine(text, line -> append(out, translator.translate(null, line)));
        } else {
            SseEvents.forEach(text, (name, data) -> append(out, translator.translate(name, data)));
        }
        return emit(out);
    }

    @Override
    public Buffer finish() {
        StringBuilder out = new StringBuilder();
        append(out, translator.end());
        return emit(out);
    }

    private Buffer emit(StringBuilder out) {
        Buffer frames = out.isEmpty() ? Buffer.buffer(0) : Buffer.buffer(out.toString());
        if (frames.length() > 0) {
            clientTap.accept(frames);
        }
        return frames;
    }

    private static void append(StringBuilder out, List<String> frames) {
        for (String frame : frames) {
            out.append(frame);
        }
    }

    private static void forEachLine(String text, java.util.function.Consumer<String> action) {
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end).strip();
            if (!line.isEmpty()) {
                action.accept(line);
            }
            start = end + 1;
        }
    }
}
