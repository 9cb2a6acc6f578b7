package dev.ingate.translate.anthropic;

import dev.ingate.translate.Json;
import dev.ingate.translate.canonical.CanonicalResponse;
import dev.ingate.translate.canonical.StopReason;
import dev.ingate.translate.canonical.Usage;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** An Anthropic {@code message} body → canonical response. */
public final class AnthropicResponseDecoder {

    private AnthropicResponseDecoder() {
    }

    public static CanonicalResponse decode(String json) {
        JsonNode root = Json.parseObject(json);
        StopReason stopReason = Json.text(root, "stop_reason").map(StopReasons::decode).orElse(StopReason.OTHER);
        Usage usage = Json.present(root, "usage") ? UsageFields.decode(root.get("usage")) : Usage.NONE;
        return new CanonicalResponse(Json.text(root, "id", ""), Json.text(root, "model", ""), Optional.empty(),
                ContentBlocks.decode(root.get("content")), stopReason, Json.text(root, "stop_sequence"), usage);
    }
}
