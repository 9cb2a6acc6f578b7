package dev.ingate.observe.usage;

import dev.ingate.observe.usage.UsageTally.Count;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import static dev.ingate.observe.usage.ShapeReader.string;

/**
 * OpenAI's Responses API. A body is a response object; a stream's events carry one under {@code response}
 * ({@code response.created} with its id and model, {@code response.completed}, {@code .incomplete} or
 * {@code .failed} with its usage). The usage reads {@code {"input_tokens", "input_tokens_details":
 * {"cached_tokens"}, "output_tokens", "output_tokens_details": {"reasoning_tokens"}}}: input includes the
 * cached tokens and output the reasoning ones. Generated content streams as {@code response.*.delta}
 * events (output text, reasoning summary, function call arguments, refusal…).
 */
final class ResponsesReader implements ShapeReader {

    static final ResponsesReader INSTANCE = new ResponsesReader();

    private static final byte[] USAGE = Bytes.ascii("\"usage\"");
    private static final String RESPONSE = "response";

    private ResponsesReader() {
    }

    @Override
    public boolean descend(JsonPath path) {
        int base = base(path);
        if (base == 1 && path.size() == 1) {
            return true; // the response object inside a stream event
        }
        return path.size() > base && "usage".equals(path.at(base));
    }

    /** Where the response object's fields start: 1 inside a stream event's {@code response}, else 0. */
    private static int base(JsonPath path) {
        return path.size() >= 1 && RESPONSE.equals(path.at(0)) ? 1 : 0;
    }

    @Override
    public void value(JsonPath path, String name, JsonToken token, JsonParser parser, UsageTally tally) {
        if (name == null) {
            return;
        }
        int size = path.size();
        if (size == 0 && "type".equals(name)) {
            String type = string(token, parser);
            if (type != null && type.startsWith("response.") && type.endsWith(".delta")) {
                tally.firstToken = true;
            }
            return;
        }
        int base = base(path);
        if (size == base) {
            if ("model".equals(name)) {
                tally.model(string(token, parser));
            } else if ("id".equals(name)) {
                tally.responseId(string(token, parser));
            }
        } else if (size == base + 1 && "usage".equals(path.at(base))) {
            switch (name) {
                case "input_tokens" -> tally.note(Count.INPUT, token, parser);
                case "output_tokens" -> tally.note(Count.OUTPUT, token, parser);
                default -> {
                }
            }
        } else if (size == base + 2 && "usage".equals(path.at(base))) {
            String details = path.at(base + 1);
            if ("input_tokens_details".equals(details) && "cached_tokens".equals(name)) {
                tally.note(Count.CACHE_READ, token, parser);
            } else if ("output_tokens_details".equals(details) && "reasoning_tokens".equals(name)) {
                tally.note(Count.REASONING, token, parser);
            }
        }
    }

    @Override
    public boolean worthParsing(byte[] bytes, int from, int to, UsageTally soFar) {
        // response.completed carries the whole output again: parse it only for the usage it holds
        return ShapeReader.usualGate(bytes, from, to, soFar, USAGE);
    }
}
