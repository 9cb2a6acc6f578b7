package dev.ingate.observe.usage;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * What one API shape knows: where its usage, model and id sit, what counts as generated content, and how
 * its counts relate (see {@link UsageFacts}). The same reader serves a whole body and each stream event,
 * since the shapes mostly reuse one object for both. Stateless: one instance serves every response.
 */
interface ShapeReader {

    /**
     * Whether a container just opened at {@code path} (its own name last) can hold anything of interest.
     * When not, the walker passes over it without calling the reader: big arrays of choices, content
     * blocks or embeddings cost only the tokenizing.
     */
    boolean descend(JsonPath path);

    /**
     * One scalar value: {@code name} is its property name (null in an array), {@code path} the containers
     * it sits in. The reader notes what it wants in {@code tally}.
     */
    void value(JsonPath path, String name, JsonToken token, JsonParser parser, UsageTally tally);

    /**
     * A cheap look at one stream event's bytes before paying for a parse: content-only chunks, once the
     * model and the first token are known, should cost a substring search and nothing more.
     */
    boolean worthParsing(byte[] bytes, int from, int to, UsageTally soFar);

    /** Whether the raw input count already includes cache reads and writes (all but Anthropic). */
    default boolean inputIncludesCache() {
        return true;
    }

    /** Whether the raw output count already includes reasoning (all but Gemini). */
    default boolean outputIncludesReasoning() {
        return true;
    }

    /** A token count, or -1 for anything else (null, a string, an absurd number). */
    static long count(JsonToken token, JsonParser parser) {
        try {
            long value = switch (token) {
                case VALUE_NUMBER_INT -> parser.getLongValue();
                case VALUE_NUMBER_FLOAT -> (long) parser.getDoubleValue();
                default -> -1;
            };
            return value >= 0 ? value : -1;
        } catch (RuntimeException tooBig) {
            return -1;
        }
    }

    /** A string value, or null for anything else. */
    static String string(JsonToken token, JsonParser parser) {
        return token == JsonToken.VALUE_STRING ? parser.getString() : null;
    }

    /** Whether the value is a string with something in it (generated content, for first-token purposes). */
    static boolean nonEmpty(JsonToken token, JsonParser parser) {
        return token == JsonToken.VALUE_STRING && parser.getStringLength() > 0;
    }

    /** The usual gate: parse until the model and the first token are known, then only events with usage. */
    static boolean usualGate(byte[] bytes, int from, int to, UsageTally soFar, byte[] usageMarker) {
        return soFar.model == null || !soFar.firstToken || Bytes.objectAfter(bytes, from, to, usageMarker);
    }
}
