package dev.ingate.observe.pricing;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds each provider's {@code models} array in genai-prices' data without parsing it: a scan of the bytes that only
 * follows strings (with their escapes) and brackets. The arrays are 97% of the file; even stepping over them
 * token by token made the JSON parser's tokenizer hot enough to be compiled during the start (~65 ms of compiler
 * time on a cold JVM). What is left, the providers' own fields, is a few kilobytes.
 */
final class ModelsSpans {

    private static final byte[] MODELS = {'"', 'm', 'o', 'd', 'e', 'l', 's', '"'};
    private static final byte[] EMPTY_ARRAY = {'[', ']'};

    /** Where each array is, {@code [from, to)}, in the order of the providers that have one. */
    final List<int[]> spans;
    /** The data with every such array emptied, for the parser. */
    final byte[] withoutModels;

    private ModelsSpans(List<int[]> spans, byte[] withoutModels) {
        this.spans = spans;
        this.withoutModels = withoutModels;
    }

    /** @param json a list of provider objects */
    static ModelsSpans of(byte[] json) {
        List<int[]> spans = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (b == '"') {
                int close = closingQuote(json, i);
                int value = depth == 2 && isModelsKey(json, i, close) ? valueAfterColon(json, close + 1) : -1;
                if (value >= 0 && json[value] == '[') {
                    int end = endOfArray(json, value);
                    spans.add(new int[] {value, end});
                    i = end - 1;
                } else {
                    i = close;
                }
            } else if (b == '[' || b == '{') {
                depth++;
            } else if (b == ']' || b == '}') {
                depth--;
            }
        }
        return new ModelsSpans(List.copyOf(spans), emptied(json, spans));
    }

    private static boolean isModelsKey(byte[] json, int open, int close) {
        if (close - open + 1 != MODELS.length) {
            return false;
        }
        for (int k = 0; k < MODELS.length; k++) {
            if (json[open + k] != MODELS[k]) {
                return false;
            }
        }
        return true;
    }

    /** The index of the first byte of the value after {@code :} and white space, or -1 if no colon follows (a value, not a key). */
    private static int valueAfterColon(byte[] json, int from) {
        int i = skipSpace(json, from);
        return i < json.length && json[i] == ':' ? skipSpace(json, i + 1) : -1;
    }

    private static int skipSpace(byte[] json, int from) {
        int i = from;
        while (i < json.length && (json[i] == ' ' || json[i] == '\n' || json[i] == '\r' || json[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static int closingQuote(byte[] json, int open) {
        for (int i = open + 1; i < json.length; i++) {
            if (json[i] == '\\') {
                i++;
            } else if (json[i] == '"') {
                return i;
            }
        }
        throw new IllegalArgumentException("unterminated string in the price data at byte " + open);
    }

    /** Just past the array opened at {@code open}. */
    private static int endOfArray(byte[] json, int open) {
        int depth = 0;
        for (int i = open; i < json.length; i++) {
            byte b = json[i];
            if (b == '"') {
                i = closingQuote(json, i);
            } else if (b == '[' || b == '{') {
                depth++;
            } else if ((b == ']' || b == '}') && --depth == 0) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("unterminated array in the price data at byte " + open);
    }

    private static byte[] emptied(byte[] json, List<int[]> spans) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 16);
        int at = 0;
        for (int[] span : spans) {
            out.write(json, at, span[0] - at);
            out.write(EMPTY_ARRAY, 0, EMPTY_ARRAY.length);
            at = span[1];
        }
        out.write(json, at, json.length - at);
        return out.toByteArray();
    }
}
