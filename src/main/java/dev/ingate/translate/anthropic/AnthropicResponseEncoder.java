package dev.ingate.translate.anthropic;

import dev.ingate.translate.Encoded;
import dev.ingate.translate.Json;
import dev.ingate.translate.canonical.CanonicalResponse;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** Canonical response → Anthropic {@code message} body. */
public final class AnthropicResponseEncoder {

    private AnthropicResponseEncoder() {
    }

    public static Encoded encode(CanonicalResponse response) {
        List<String> dropped = new ArrayList<>();
        ObjectNode root = Json.object();
        root.put("id", response.id());
        root.put("type", "message");
        root.put("role", "assistant");
        root.put("model", response.model());
        root.set("content", ContentBlocks.encode(response.content(), dropped, true));
        root.put("stop_reason", StopReasons.encode(response.stopReason()));
        response.stopSequence().ifPresentOrElse(sequence -> root.put("stop_sequence", sequence), () -> root.putNull("stop_sequence"));
        root.set("usage", UsageFields.encode(response.usage()));
        return new Encoded(Json.write(root), dropped);
    }
}
