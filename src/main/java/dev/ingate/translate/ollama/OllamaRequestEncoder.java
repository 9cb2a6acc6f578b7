package dev.ingate.translate.ollama;

import dev.ingate.translate.Encoded;
import dev.ingate.translate.FunctionTools;
import dev.ingate.translate.Json;
import dev.ingate.translate.canonical.CanonicalRequest;
import dev.ingate.translate.canonical.Message;
import dev.ingate.translate.canonical.ResponseFormat;
import dev.ingate.translate.canonical.Role;
import dev.ingate.translate.canonical.Shape;
import dev.ingate.translate.canonical.ToolChoice;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Canonical request → Ollama {@code /api/chat} request body. {@code stream} is always written: Ollama streams when
 * it is absent. Ollama needs no output limit, so the caller's default is not used.
 */
public final class OllamaRequestEncoder {

    private OllamaRequestEncoder() {
    }

    public static Encoded encode(CanonicalRequest request) {
        List<String> dropped = new ArrayList<>();
        ObjectNode root = Json.object();
        root.put("model", request.model());
        ArrayNode messages = root.putArray("messages");
        if (!request.system().isEmpty()) {
            messages.addObject().put("role", "system").put("content", String.join("\n\n", request.system()));
        }
        Map<String, String> toolNameById = new HashMap<>();
        for (Message message : request.messages()) {
            if (message.role() == Role.USER) {
                OllamaMessages.addUserTurn(messages, message, toolNameById, dropped);
            } else {
                messages.add(OllamaMessages.assistantMessage(message, toolNameById, dropped));
            }
        }
        addTools(root, request, dropped);
        root.put("stream", request.stream());
        request.responseFormat().ifPresent(format -> {
            switch (format) {
                case ResponseFormat.Text text -> {
                    // Ollama's default.
                }
                case ResponseFormat.JsonObject object -> root.put("format", "json");
                case ResponseFormat.JsonSchema schema -> {
                    root.set("format", Json.parse(schema.schemaJson()));
                    schema.strict().filter(strict -> !strict).ifPresent(notStrict -> dropped.add("response_format.strict"));
                }
            }
        });
        ObjectNode options = Json.object();
        OllamaOptions.encode(request.sampling(), options);
        request.thinkingBudget().ifPresent(budget -> root.put("think", ThinkLevels.levelFor(budget)));
        request.user().ifPresent(user -> dropped.add("user"));
        for (Map.Entry<String, String> extra : request.extras().rawJsonByName().entrySet()) {
            String name = extra.getKey();
            Shape origin = request.extras().origin();
            if (origin == Shape.OLLAMA_CHAT && name.startsWith(OllamaOptions.PREFIX)) {
                options.set(name.substring(OllamaOptions.PREFIX.length()), Json.parse(extra.getValue()));
            } else if (origin == Shape.OLLAMA_CHAT) {
                root.set(name, Json.parse(extra.getValue()));
            } else if (OllamaOptions.shared(origin, name)) {
                options.set(name, Json.parse(extra.getValue()));
            } else {
                dropped.add(name);
            }
        }
        if (!options.isEmpty()) {
            root.set("options", options);
        }
        return new Encoded(Json.write(root), dropped);
    }

    /** Ollama has no tool choice: the model always decides, so anything but "auto" (and serial calls only) is dropped. */
    private static void addTools(ObjectNode root, CanonicalRequest request, List<String> dropped) {
        ArrayNode tools = FunctionTools.encodeNested(request.tools(), Shape.OLLAMA_CHAT, dropped);
        if (!tools.isEmpty()) {
            root.set("tools", tools);
        }
        request.toolChoice().filter(choice -> !(choice instanceof ToolChoice.Auto)).ifPresent(choice -> dropped.add("tool_choice"));
        request.parallelToolCalls().filter(parallel -> !parallel).ifPresent(serial -> dropped.add("parallel_tool_calls"));
    }
}
