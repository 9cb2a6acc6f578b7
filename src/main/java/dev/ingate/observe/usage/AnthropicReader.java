package dev.ingate.observe.usage;

import dev.ingate.observe.usage.UsageTally.Count;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import static dev.ingate.observe.usage.ShapeReader.string;

/**
 * Anthropic messages. A body has {@code id}, {@code model} and {@code usage} at the top. A stream's
 * {@code message_start} carries the message (id, model, and usage with the input and cache figures and an
 * initial output count); {@code message_delta} carries a top-level {@code usage} whose
 * {@code output_tokens} is the final cumulative count, and newer API versions put the input and cache
 * figures there too: the last non-null value of each wins. {@code input_tokens} EXCLUDES
 * {@code cache_read_input_tokens} and {@code cache_creation_input_tokens}, hence
 * {@link #inputIncludesCache()} is false. Every {@code content_block_delta} (text, thinking, tool input) is
 * generated content.
 */
final class AnthropicReader implements ShapeReader {

    static final AnthropicReader INSTANCE = new AnthropicReader();

    private static final byte[] USAGE = Bytes.ascii("\"usage\"");

    private AnthropicReader() {
    }

    @Override
    public boolean descend(JsonPath path) {
        String top = path.at(0);
        return "usage".equals(top) || "message".equals(top) && (path.size() == 1 || "usage".equals(path.at(1)));
    }

    @Override
    public void value(JsonPath path, String name, JsonToken token, JsonParser parser, UsageTally tally) {
        if (name == null) {
            return;
        }
        int size = path.size();
        if (size == 0) {
            switch (name) {
                case "type" -> tally.firstToken |= "content_block_delta".equals(string(token, parser));
                case "model" -> tally.model(string(token, parser));
                case "id" -> tally.responseId(string(token, parser));
                default -> {
                }
            }
        } else if (path.is("message")) {
            if ("model".equals(name)) {
                tally.model(string(token, parser));
            } else if ("id".equals(name)) {
                tally.responseId(string(token, parser));
            }
        } else if (path.is("usage") || path.is("message", "usage")) {
            usage(name, token, parser, tally);
        }
    }

    private static void usage(String name, JsonToken token, JsonParser parser, UsageTally tally) {
        // a null (message_delta may say "input_tokens": null) leaves the figure seen before
        switch (name) {
            case "input_tokens" -> tally.note(Count.INPUT, token, parser);
            case "cache_read_input_tokens" -> tally.note(Count.CACHE_READ, token, parser);
            case "cache_creation_input_tokens" -> tally.note(Count.CACHE_CREATION, token, parser);
            case "output_tokens" -> tally.note(Count.OUTPUT, token, parser);
            default -> {
            }
        }
    }

    @Override
    public boolean worthParsing(byte[] bytes, int from, int to, UsageTally soFar) {
        return ShapeReader.usualGate(bytes, from, to, soFar, USAGE);
    }

    @Override
    public boolean inputIncludesCache() {
        return false;
    }
}
