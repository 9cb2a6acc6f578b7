package dev.ingate.observe.usage;

import dev.ingate.observe.usage.UsageTally.Count;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import static dev.ingate.observe.usage.ShapeReader.nonEmpty;
import static dev.ingate.observe.usage.ShapeReader.string;

/**
 * Gemini's generateContent and streamGenerateContent (Google AI and Vertex AI). Each response, or each
 * chunk of a stream, may carry {@code usageMetadata}: {@code promptTokenCount} (which INCLUDES
 * {@code cachedContentTokenCount}), {@code toolUsePromptTokenCount} (input too), {@code candidatesTokenCount}
 * (which EXCLUDES {@code thoughtsTokenCount}, billed as output all the same); the last chunk has the final
 * figures. {@code modelVersion} is the served model, {@code responseId} the id. Content is a non-empty
 * {@code candidates[].content.parts[].text} or a function call.
 */
final class GeminiReader implements ShapeReader {

    static final GeminiReader INSTANCE = new GeminiReader();

    private static final byte[] USAGE = Bytes.ascii("\"usageMetadata\"");

    private GeminiReader() {
    }

    @Override
    public boolean descend(JsonPath path) {
        String top = path.at(0);
        if ("usageMetadata".equals(top)) {
            return path.size() == 1; // the per-modality detail arrays are not needed
        }
        if (!"candidates".equals(top)) {
            return false;
        }
        // candidates[].content.parts[] and what a part holds; safety ratings, citations, grounding are not needed
        int size = path.size();
        return size <= 2 || "content".equals(path.at(2)) && (size == 3 || "parts".equals(path.at(3)));
    }

    @Override
    public void value(JsonPath path, String name, JsonToken token, JsonParser parser, UsageTally tally) {
        if (name == null) {
            return;
        }
        int size = path.size();
        if (size == 0) {
            if ("modelVersion".equals(name)) {
                tally.model(string(token, parser));
            } else if ("responseId".equals(name)) {
                tally.responseId(string(token, parser));
            }
        } else if (path.is("usageMetadata")) {
            switch (name) {
                case "promptTokenCount" -> tally.note(Count.INPUT, token, parser);
                case "cachedContentTokenCount" -> tally.note(Count.CACHE_READ, token, parser);
                case "candidatesTokenCount" -> tally.note(Count.OUTPUT, token, parser);
                case "thoughtsTokenCount" -> tally.note(Count.REASONING, token, parser);
                case "toolUsePromptTokenCount" -> tally.note(Count.EXTRA_INPUT, token, parser);
                default -> {
                }
            }
        } else if (!tally.firstToken && size >= 5 && "parts".equals(path.at(3))) {
            // a part's text (thought summaries included), or anything inside a functionCall
            tally.firstToken = size == 5 ? "text".equals(name) && nonEmpty(token, parser)
                    : "functionCall".equals(path.at(5)) && token.isScalarValue();
        }
    }

    @Override
    public boolean worthParsing(byte[] bytes, int from, int to, UsageTally soFar) {
        // streams repeat usageMetadata in most chunks; the figures in the last one are the final ones
        return ShapeReader.usualGate(bytes, from, to, soFar, USAGE);
    }

    @Override
    public boolean outputIncludesReasoning() {
        return false;
    }
}
