package dev.ingate.translate;

import dev.ingate.translate.canonical.StreamEvent;
import java.util.function.Consumer;

/** Turns canonical stream events into one shape's SSE frames (each a whole event, blank line included). */
public interface StreamEncoder {

    void encode(StreamEvent event, Consumer<String> out);
}
