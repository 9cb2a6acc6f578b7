package dev.ingate.translate.gemini;

import dev.ingate.translate.Json;
import dev.ingate.translate.canonical.CanonicalResponse;
import dev.ingate.translate.canonical.ContentPart;
import dev.ingate.translate.canonical.StopReason;
import dev.ingate.translate.canonical.Usage;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A Gemini {@code GenerateContentResponse} → canonical response. Only the first candidate is read (more than one
 * has no canonical form). A prompt blocked before any candidate ({@code promptFeedback.blockReason}) is a content
 * filter stop with no content.
 */
public final class GeminiResponseDecoder {

    private GeminiResponseDecoder() {
    }

    public static CanonicalResponse decode(String json) {
        JsonNode root = Json.parseObject(json);
        String responseId = Fields.text(root, "responseId", "");
        JsonNode candidate = first(root);
        List<ContentPart> content = candidate == null ? List.of()
                : GeminiParts.decode(Fields.get(candidate, "content"), CallIds.forResponse(responseId));
        boolean calledTools = content.stream().anyMatch(part -> part instanceof ContentPart.ToolCall);
        StopReason stopReason = stopReason(root, candidate, calledTools);
        Usage usage = Fields.has(root, "usageMetadata") ? UsageFields.decode(Fields.get(root, "usageMetadata")) : Usage.NONE;
        return new CanonicalResponse(responseId, Fields.text(root, "modelVersion", ""), Optional.empty(), content, stopReason,
                Optional.empty(), usage);
    }

    static JsonNode first(JsonNode root) {
        for (JsonNode candidate : Fields.elements(root, "candidates")) {
            return candidate;
        }
        return null;
    }

    static StopReason stopReason(JsonNode root, JsonNode candidate, boolean calledTools) {
        Optional<String> finishReason = candidate == null ? Optional.empty() : Fields.text(candidate, "finishReason");
        if (finishReason.isPresent()) {
            return FinishReasons.decode(finishReason.get(), calledTools);
        }
        if (Fields.text(Fields.get(root, "promptFeedback"), "blockReason").isPresent()) {
            return StopReason.CONTENT_FILTER;
        }
        return calledTools ? StopReason.TOOL_USE : StopReason.OTHER;
    }
}
