package dev.ingate.guard.text;

import tools.jackson.core.io.JsonStringEncoder;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Replaces some string values of a JSON body with new text and leaves every other byte as it was: only the
 * replaced values are re-encoded.
 */
public final class JsonSplice {

    /** A string value (its token, quotes included) and the text it gets. */
    public record Replacement(TextValue value, String text) {
    }

    private JsonSplice() {
    }

    /** @param replacements in body order, not overlapping */
    public static byte[] apply(byte[] body, int offset, int length, List<Replacement> replacements) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 64);
        int at = offset;
        for (Replacement r : replacements) {
            out.write(body, at, r.value().start() - at);
            out.write('"');
            out.writeBytes(JsonStringEncoder.getInstance().quoteAsUTF8(r.text()));
            out.write('"');
            at = r.value().end();
        }
        out.write(body, at, offset + length - at);
        return out.toByteArray();
    }
}
