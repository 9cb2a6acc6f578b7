package dev.ingate.translate.gemini;

import dev.ingate.translate.Encoded;
import dev.ingate.translate.Json;
import dev.ingate.translate.canonical.CanonicalResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** Canonical response → Gemini {@code GenerateContentResponse} body. */
public final class GeminiResponseEncoder {

    private GeminiResponseEncoder() {
    }

    public static Encoded encode(CanonicalResponse response) {
        List<String> dropped = new ArrayList<>();
        ObjectNode root = Json.object();
        ObjectNode candidate = root.putArray("candidates").addObject();
        candidate.putObject("content").put("role", "model")
                .set("parts", GeminiParts.encode(response.content(), Map.of(), dropped, false));
        candidate.put("finishReason", FinishReasons.encode(response.stopReason()));
        candidate.put("index", 0);
        root.set("usageMetadata", UsageFields.encode(response.usage()));
        root.put("modelVersion", response.model());
        root.put("responseId", response.id());
        return new Encoded(Json.write(root), dropped);
    }
}
