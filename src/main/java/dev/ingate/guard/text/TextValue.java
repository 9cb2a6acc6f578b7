package dev.ingate.guard.text;

/** A JSON string value the model reads or wrote: its decoded text and where its token (quotes included) sits in the bytes. */
public record TextValue(int start, int end, String text) {
}
