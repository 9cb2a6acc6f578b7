package dev.ingate.translate;

import java.util.ArrayList;
import java.util.List;

/**
 * One stream's translation from the upstream's shape to the caller's, through canonical events. Stateful and
 * not thread-safe: feed it the upstream events in order.
 */
public final class StreamTranslator {

    private final StreamDecoder decoder;
    private final StreamEncoder encoder;

    public StreamTranslator(StreamDecoder decoder, StreamEncoder encoder) {
        this.decoder = decoder;
        this.encoder = encoder;
    }

    /** The SSE frames to send downstream for one upstream event (often one, sometimes none or several). */
    public List<String> translate(String eventName, String data) {
        List<String> frames = new ArrayList<>(2);
        decoder.decode(eventName, data, event -> encoder.encode(event, frames::add));
        return frames;
    }

    /** The frames still owed when the upstream ends. */
    public List<String> end() {
        List<String> frames = new ArrayList<>(2);
        decoder.end(event -> encoder.encode(event, frames::add));
        return frames;
    }
}
