package dev.ingate.translate;

import dev.ingate.translate.canonical.StreamEvent;
import java.util.function.Consumer;

/** Turns one shape's upstream stream events into canonical ones. One instance per stream. */
public interface StreamDecoder {

    /**
     * One upstream event: the SSE {@code event:} name (null when the shape sends none) and its {@code data:} text.
     */
    void decode(String eventName, String data, Consumer<StreamEvent> out);

    /** The upstream ended; emits whatever the shape left implied (OpenAI streams may end without [DONE]). */
    default void end(Consumer<StreamEvent> out) {
    }
}
