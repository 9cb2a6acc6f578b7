package dev.ingate.guard.detect;

import java.util.List;

/**
 * Finds things in text. Detectors are immutable and built at config load (patterns precompiled), so the request path
 * only runs them.
 */
public interface Detector {

    /**
     * Adds to {@code out} every match that starts in {@code [from, to)}; the text around the region still counts as
     * context (word boundaries), so a stream can scan only what it has not settled yet.
     */
    void find(CharSequence text, int from, int to, List<Match> out);

    default List<Match> findAll(CharSequence text) {
        List<Match> out = new java.util.ArrayList<>();
        find(text, 0, text.length(), out);
        return out;
    }
}
