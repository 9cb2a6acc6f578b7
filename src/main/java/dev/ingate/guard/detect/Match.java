package dev.ingate.guard.detect;

/** A finding in a text: chars {@code [start, end)}, and what it is ({@code email}, a rule's name…), as redaction names it. */
public record Match(int start, int end, String label) {
}
