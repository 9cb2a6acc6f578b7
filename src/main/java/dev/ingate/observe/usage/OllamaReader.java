package dev.ingate.observe.usage;

import dev.ingate.observe.usage.UsageTally.Count;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import static dev.ingate.observe.usage.ShapeReader.nonEmpty;
import static dev.ingate.observe.usage.ShapeReader.string;

/**
 * Ollama's native API ({@code /api/chat}, {@code /api/generate}, {@code /api/embed}). The counts sit at the
 * top of the final object ({@code "done": true}, the last NDJSON line of a stream, or the whole body):
 * {@code prompt_eval_count} (input) and {@code eval_count} (output); embed has only the former. Ollama
 * reports no cache figures and no response id. Content streams in {@code message.content} (chat),
 * {@code response} (generate), their {@code thinking} and {@code message.tool_calls}.
 */
final class OllamaReader implements ShapeReader {

    static final OllamaReader INSTANCE = new OllamaReader();

    /** Matches both counts: "prompt_eval_count" ends with it. */
    private static final byte[] COUNTS = Bytes.ascii("eval_count\"");

    private OllamaReader() {
    }

    @Override
    public boolean descend(JsonPath path) {
        // the message and its tool calls; context token arrays and embeddings are passed over
        return "message".equals(path.at(0)) && (path.size() == 1 || "tool_calls".equals(path.at(1)));
    }

    @Override
    public void value(JsonPath path, String name, JsonToken token, JsonParser parser, UsageTally tally) {
        if (name == null) {
            return;
        }
        int size = path.size();
        if (size == 0) {
            switch (name) {
                case "model" -> tally.model(string(token, parser));
                case "prompt_eval_count" -> tally.note(Count.INPUT, token, parser);
                case "eval_count" -> tally.note(Count.OUTPUT, token, parser);
                case "response", "thinking" -> tally.firstToken |= nonEmpty(token, parser);
                default -> {
                }
            }
        } else if (path.is("message")) {
            if ("content".equals(name) || "thinking".equals(name)) {
                tally.firstToken |= nonEmpty(token, parser);
            }
        } else if (size >= 2 && "tool_calls".equals(path.at(1))) {
            tally.firstToken |= nonEmpty(token, parser);
        }
    }

    @Override
    public boolean worthParsing(byte[] bytes, int from, int to, UsageTally soFar) {
        return soFar.model == null || !soFar.firstToken || Bytes.contains(bytes, from, to, COUNTS);
    }
}
