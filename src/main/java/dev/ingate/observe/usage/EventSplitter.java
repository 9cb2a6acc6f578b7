package dev.ingate.observe.usage;

/**
 * Cuts stream bytes into events and hands over each event's JSON payload, in place (no copy). It keeps
 * nothing from one call to the next: the caller keeps an unfinished event's bytes and offers them again
 * with the next ones.
 */
interface EventSplitter {

    /** Receives one event's payload: {@code bytes[from, to)}, valid only during the call. */
    interface Sink {
        void event(byte[] bytes, int from, int to);
    }

    /**
     * Hands {@code sink} every whole event in {@code bytes[from, to)} and returns the index where the
     * first unfinished one starts ({@code to} when none is). With {@code atEnd} the stream is over: what is
     * left counts as a last event even without its terminator.
     */
    int split(byte[] bytes, int from, int to, boolean atEnd, Sink sink);
}
