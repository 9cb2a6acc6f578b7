package dev.ingate.translate.responses;

import dev.ingate.translate.Encoded;
import dev.ingate.translate.Json;
import dev.ingate.translate.canonical.CanonicalRequest;
import dev.ingate.translate.canonical.CanonicalResponse;
import dev.ingate.translate.canonical.ContentPart;
import dev.ingate.translate.canonical.Shape;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Canonical response → Responses {@code response} object. Consecutive text parts make one message item; each tool
 * call is its own {@code function_call} item, in the order the model made them. {@code created_at} comes from the
 * clock when the source had none (Anthropic).
 */
public final class ResponsesResponseEncoder {

    private final Clock clock;

    public ResponsesResponseEncoder(Clock clock) {
        this.clock = clock;
    }

    public Encoded encode(CanonicalResponse response, CanonicalRequest request) {
        List<String> dropped = new ArrayList<>();
        Optional<String> incomplete = OutputItems.incompleteReason(response.stopReason());
        String itemStatus = incomplete.isPresent() ? "incomplete" : "completed";
        ArrayNode output = Json.array();
        ObjectNode openText = null;
        for (ContentPart part : response.content()) {
            if (part instanceof ContentPart.Text piece) {
                if (openText == null) {
                    ObjectNode message = OutputItems.message(OutputItems.messageId(response.id(), output.size()), itemStatus, "");
                    output.add(message);
                    openText = (ObjectNode) message.get("content").get(0);
                }
                openText.put("text", openText.get("text").stringValue() + piece.text());
                continue;
            }
            openText = null;
            switch (part) {
                case ContentPart.ToolCall call -> output.add(OutputItems.functionCall(call.id(), call.name(), call.argumentsJson(), "completed"));
                case ContentPart.Thinking thinking ->
                        output.add(OutputItems.reasoning(OutputItems.reasoningId(response.id(), output.size()), thinking.text(),
                                thinking.signature()));
                case ContentPart.Opaque opaque when opaque.origin() == Shape.OPENAI_RESPONSES -> output.add(Json.parse(opaque.rawJson()));
                case ContentPart.Opaque opaque -> dropped.add("content:" + opaque.type());
                case ContentPart.Image image -> dropped.add("content:image");
                case ContentPart.ToolResult result -> dropped.add("content:tool_result");
                case ContentPart.Text piece -> throw new IllegalStateException("handled above");
            }
        }
        long created = response.createdEpochSeconds().orElseGet(() -> clock.instant().getEpochSecond());
        return new Encoded(Json.write(OutputItems.response(response.id(), created, response.model(),
                incomplete.isPresent() ? "incomplete" : "completed", output, response.usage(), incomplete, request)), dropped);
    }
}
