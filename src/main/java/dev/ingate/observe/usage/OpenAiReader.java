package dev.ingate.observe.usage;

import dev.ingate.observe.usage.UsageTally.Count;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import static dev.ingate.observe.usage.ShapeReader.nonEmpty;
import static dev.ingate.observe.usage.ShapeReader.string;

/**
 * OpenAI chat completions, completions and embeddings, and the OpenAI-compatible servers: one
 * {@code usage} object at the top, in a body or in a stream's usage chunk (the one with {@code choices: []},
 * sent when the caller asked for {@code stream_options.include_usage}):
 * {@code {"prompt_tokens", "completion_tokens", "prompt_tokens_details": {"cached_tokens"},
 * "completion_tokens_details": {"reasoning_tokens"}}}. Prompt tokens include the cached ones and completion
 * tokens the reasoning ones, which is the normalised meaning already.
 */
final class OpenAiReader implements ShapeReader {

    static final OpenAiReader INSTANCE = new OpenAiReader();

    private static final byte[] USAGE = Bytes.ascii("\"usage\"");

    private OpenAiReader() {
    }

    @Override
    public boolean descend(JsonPath path) {
        String top = path.at(0);
        // inside choices only the stream's delta (and the completions text beside it) can be content
        return "usage".equals(top)
                || "choices".equals(top) && (path.size() < 3 || "delta".equals(path.at(2)));
    }

    @Override
    public void value(JsonPath path, String name, JsonToken token, JsonParser parser, UsageTally tally) {
        if (name == null) {
            return; // everything of interest is a property
        }
        int size = path.size();
        if (size == 0) {
            if ("model".equals(name)) {
                tally.model(string(token, parser));
            } else if ("id".equals(name)) {
                tally.responseId(string(token, parser));
            }
        } else if ("usage".equals(path.at(0))) {
            usage(path, name, token, parser, tally);
        } else if (!tally.firstToken && size >= 2) {
            tally.firstToken = isContent(path, name, token, parser);
        }
    }

    private static void usage(JsonPath path, String name, JsonToken token, JsonParser parser, UsageTally tally) {
        if (path.size() == 1) {
            switch (name) {
                case "prompt_tokens" -> tally.note(Count.INPUT, token, parser);
                case "completion_tokens" -> tally.note(Count.OUTPUT, token, parser);
                default -> {
                }
            }
        } else if (path.is("usage", "prompt_tokens_details") && "cached_tokens".equals(name)) {
            tally.note(Count.CACHE_READ, token, parser);
        } else if (path.is("usage", "completion_tokens_details") && "reasoning_tokens".equals(name)) {
            tally.note(Count.REASONING, token, parser);
        }
    }

    /**
     * Generated content in a chunk: {@code choices[].text} (completions), {@code choices[].delta.content},
     * the reasoning some compatible servers stream ({@code reasoning_content}, {@code reasoning}), a refusal,
     * or any part of a tool call.
     */
    private static boolean isContent(JsonPath path, String name, JsonToken token, JsonParser parser) {
        if (path.is("choices", JsonPath.ITEM)) {
            return "text".equals(name) && nonEmpty(token, parser);
        }
        if (path.is("choices", JsonPath.ITEM, "delta")) {
            return switch (name) {
                case "content", "reasoning_content", "reasoning", "refusal" -> nonEmpty(token, parser);
                default -> false;
            };
        }
        if (path.size() >= 4 && "delta".equals(path.at(2))) {
            String part = path.at(3);
            return ("tool_calls".equals(part) || "function_call".equals(part)) && nonEmpty(token, parser);
        }
        return false;
    }

    @Override
    public boolean worthParsing(byte[] bytes, int from, int to, UsageTally soFar) {
        return ShapeReader.usualGate(bytes, from, to, soFar, USAGE);
    }
}
