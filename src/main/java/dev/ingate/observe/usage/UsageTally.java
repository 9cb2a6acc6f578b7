package dev.ingate.observe.usage;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.util.Arrays;

/**
 * The figures read so far, in the provider's own raw terms (normalised only at the end, by
 * {@link #facts}). A count is -1 until seen; a later figure replaces an earlier one, because streams repeat
 * their usage and the last word is the cumulative one (Anthropic's message_delta, Gemini's last chunk).
 * Nulls and non-numbers are never noted, so what is kept is the last non-null value of each.
 */
final class UsageTally {

    /** The raw figures a shape may report. */
    enum Count {
        INPUT,
        CACHE_READ,
        CACHE_CREATION,
        OUTPUT,
        REASONING,
        /** Input counted apart by the provider and billed as input (Gemini's tool-use prompt). */
        EXTRA_INPUT
    }

    private static final Count[] COUNTS = Count.values();

    String model;
    String responseId;
    boolean firstToken;
    private final long[] counts = new long[COUNTS.length];

    UsageTally() {
        Arrays.fill(counts, -1);
    }

    /** Notes a count if the value is one (a non-negative number); anything else leaves it as it was. */
    void note(Count count, JsonToken token, JsonParser parser) {
        long value = ShapeReader.count(token, parser);
        if (value >= 0) {
            counts[count.ordinal()] = value;
        }
    }

    long get(Count count) {
        return counts[count.ordinal()];
    }

    /** The first non-empty model wins: every chunk of a stream repeats it (Azure's first one is empty). */
    void model(String value) {
        if (model == null && value != null && !value.isEmpty()) {
            model = value;
        }
    }

    void responseId(String value) {
        if (responseId == null && value != null && !value.isEmpty()) {
            responseId = value;
        }
    }

    void clear() {
        model = null;
        responseId = null;
        firstToken = false;
        Arrays.fill(counts, -1);
    }

    /** Takes in what one stream event said, once the whole event parsed. */
    void absorb(UsageTally event) {
        model(event.model);
        responseId(event.responseId);
        firstToken |= event.firstToken;
        for (int i = 0; i < counts.length; i++) {
            if (event.counts[i] >= 0) {
                counts[i] = event.counts[i];
            }
        }
    }

    boolean foundAny() {
        for (long count : counts) {
            if (count >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Normalised as {@link UsageFacts} documents, by the shape's way of counting. */
    UsageFacts facts(ShapeReader shape, boolean firstTokenSeen) {
        if (!foundAny()) {
            return new UsageFacts(false, model, responseId, 0, 0, 0, 0, 0, firstTokenSeen);
        }
        long cached = known(Count.CACHE_READ);
        long creation = known(Count.CACHE_CREATION);
        long reasoning = known(Count.REASONING);
        long input = known(Count.INPUT) + known(Count.EXTRA_INPUT) + (shape.inputIncludesCache() ? 0 : cached + creation);
        long output = known(Count.OUTPUT) + (shape.outputIncludesReasoning() ? 0 : reasoning);
        return new UsageFacts(true, model, responseId, input, cached, creation, output, reasoning, firstTokenSeen);
    }

    private long known(Count count) {
        return Math.max(0, counts[count.ordinal()]);
    }
}
