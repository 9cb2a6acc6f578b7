package dev.ingate.translate.anthropic;

import dev.ingate.translate.Encoded;
import dev.ingate.translate.Json;
import dev.ingate.translate.canonical.CanonicalRequest;
import dev.ingate.translate.canonical.ContentPart;
import dev.ingate.translate.canonical.Message;
import dev.ingate.translate.canonical.ResponseFormat;
import dev.ingate.translate.canonical.Role;
import dev.ingate.translate.canonical.Shape;
import dev.ingate.translate.canonical.ToolChoice;
import dev.ingate.translate.canonical.ToolDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Canonical request → Anthropic Messages request body. Anthropic requires {@code max_tokens}; when the request has
 * none the caller's default is used (SPEC: the model's maximum output from the price catalog, else 4096).
 */
public final class AnthropicRequestEncoder {

    /** Anthropic's smallest thinking budget. */
    static final int MIN_THINKING_BUDGET = 1024;

    private AnthropicRequestEncoder() {
    }

    public static Encoded encode(CanonicalRequest request, int defaultMaxTokens) {
        List<String> dropped = new ArrayList<>();
        ObjectNode root = Json.object();
        root.put("model", request.model());
        int maxTokens = request.sampling().maxTokens().orElse(defaultMaxTokens);
        root.put("max_tokens", maxTokens);
        if (request.system().size() == 1) {
            root.put("system", request.system().getFirst());
        } else if (!request.system().isEmpty()) {
            ArrayNode system = root.putArray("system");
            request.system().forEach(text -> system.addObject().put("type", "text").put("text", text));
        }
        root.set("messages", messages(request.messages(), dropped));
        if (!request.sampling().stop().isEmpty()) {
            ArrayNode stop = root.putArray("stop_sequences");
            request.sampling().stop().forEach(stop::add);
        }
        request.sampling().temperature().ifPresent(value -> root.put("temperature", value));
        request.sampling().topP().ifPresent(value -> root.put("top_p", value));
        addTools(root, request, dropped);
        request.thinkingBudget().ifPresent(budget -> addThinking(root, budget, maxTokens, dropped));
        if (request.stream()) {
            root.put("stream", true);
        }
        request.user().ifPresent(user -> root.putObject("metadata").put("user_id", user));
        request.responseFormat().filter(format -> !(format instanceof ResponseFormat.Text))
                .ifPresent(format -> dropped.add("response_format"));
        for (Map.Entry<String, String> extra : request.extras().rawJsonByName().entrySet()) {
            if (request.extras().origin() == Shape.ANTHROPIC_MESSAGES) {
                root.set(extra.getKey(), Json.parse(extra.getValue()));
            } else {
                dropped.add(extra.getKey());
            }
        }
        return new Encoded(Json.write(root), dropped);
    }

    /** Turns of the same role are merged: Anthropic wants user and assistant to alternate. */
    private static ArrayNode messages(List<Message> messages, List<String> dropped) {
        ArrayNode encoded = Json.array();
        Role previous = null;
        for (Message message : messages) {
            ArrayNode blocks = ContentBlocks.encode(message.parts(), dropped, false);
            if (blocks.isEmpty()) {
                continue;
            }
            if (message.role() == previous) {
                ((ArrayNode) encoded.get(encoded.size() - 1).get("content")).addAll(blocks);
            } else {
                encoded.addObject().put("role", message.role() == Role.USER ? "user" : "assistant").set("content", blocks);
            }
            previous = message.role();
        }
        return encoded;
    }

    private static void addTools(ObjectNode root, CanonicalRequest request, List<String> dropped) {
        ArrayNode tools = Json.array();
        for (ToolDefinition tool : request.tools()) {
            switch (tool) {
                case ToolDefinition.Function function -> {
                    ObjectNode spec = tools.addObject().put("name", function.name());
                    function.description().ifPresent(description -> spec.put("description", description));
                    spec.set("input_schema", Json.parse(function.parametersSchemaJson()));
                }
                case ToolDefinition.Opaque opaque when opaque.origin() == Shape.ANTHROPIC_MESSAGES -> tools.add(Json.parse(opaque.rawJson()));
                case ToolDefinition.Opaque opaque -> dropped.add("tools:" + opaque.type());
            }
        }
        if (!tools.isEmpty()) {
            root.set("tools", tools);
        }
        boolean serialDisallowed = request.parallelToolCalls().map(parallel -> !parallel).orElse(false);
        if (request.toolChoice().isEmpty() && !serialDisallowed) {
            return;
        }
        ObjectNode choice = root.putObject("tool_choice");
        switch (request.toolChoice().orElse(new ToolChoice.Auto())) {
            case ToolChoice.Auto auto -> choice.put("type", "auto");
            case ToolChoice.None none -> choice.put("type", "none");
            case ToolChoice.Required required -> choice.put("type", "any");
            case ToolChoice.Specific specific -> choice.put("type", "tool").put("name", specific.name());
        }
        if (serialDisallowed && !choice.path("type").asString("").equals("none")) {
            choice.put("disable_parallel_tool_use", true);
        }
    }

    /**
     * The budget must be below {@code max_tokens} (both count thinking, as OpenAI's max_completion_tokens counts
     * reasoning), so it is cut to fit; when even the minimum does not fit, thinking is dropped.
     */
    private static void addThinking(ObjectNode root, int budget, int maxTokens, List<String> dropped) {
        int fitted = Math.min(budget, maxTokens - 1);
        if (fitted < MIN_THINKING_BUDGET) {
            dropped.add("thinking");
            return;
        }
        root.putObject("thinking").put("type", "enabled").put("budget_tokens", fitted);
    }
}
