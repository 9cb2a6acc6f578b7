package dev.ingate.translate.gemini;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Canonical request → Gemini {@code generateContent} body. The body names no model and no stream flag: both go
 * in the path ({@link GeminiPaths#target}). Gemini needs no output limit, so none is invented.
 */
public final class GeminiRequestEncoder {

    static final String SIGNATURE_PLACEHOLDER = "skip_thought_signature_validator";

    private GeminiRequestEncoder() {
    }

    public static Encoded encode(CanonicalRequest request) {
        List<String> dropped = new ArrayList<>();
        ObjectNode root = Json.object();
        ArrayNode contents = contents(request.messages(), dropped);
        if (request.extras().origin() != Shape.GEMINI && request.model().contains("gemini-3")) {
            signFunctionCalls(contents);
        }
        root.set("contents", contents);
        if (!request.system().isEmpty()) {
            ArrayNode parts = root.putObject("systemInstruction").putArray("parts");
            request.system().forEach(text -> parts.addObject().put("text", text));
        }
        addTools(root, request, dropped);
        ObjectNode generation = generationConfig(request, dropped);
        request.user().ifPresent(user -> dropped.add("user"));
        boolean sameShape = request.extras().origin() == Shape.GEMINI;
        for (Map.Entry<String, String> extra : request.extras().rawJsonByName().entrySet()) {
            String name = extra.getKey();
            if (!sameShape) {
                dropped.add(name);
            } else if (name.startsWith(GeminiRequestDecoder.GENERATION_CONFIG_PREFIX)) {
                generation.set(name.substring(GeminiRequestDecoder.GENERATION_CONFIG_PREFIX.length()), Json.parse(extra.getValue()));
            } else {
                root.set(name, Json.parse(extra.getValue()));
            }
        }
        if (!generation.isEmpty()) {
            root.set("generationConfig", generation);
        }
        return new Encoded(Json.write(root), dropped);
    }

    /**
     * Turns of the same role are merged, as Gemini wants a function's response in the turn right after its call.
     * Function names for the responses come from the calls seen so far: a later call with a reused id wins.
     */
    private static ArrayNode contents(List<Message> messages, List<String> dropped) {
        ArrayNode contents = Json.array();
        Map<String, String> callNames = new HashMap<>();
        Role previous = null;
        for (Message message : messages) {
            for (ContentPart part : message.parts()) {
                if (part instanceof ContentPart.ToolCall call) {
                    callNames.put(call.id(), call.name());
                }
            }
            ArrayNode parts = GeminiParts.encode(message.parts(), callNames, dropped, true);
            if (parts.isEmpty()) {
                continue;
            }
            if (message.role() == previous) {
                ((ArrayNode) contents.get(contents.size() - 1).get("parts")).addAll(parts);
            } else {
                contents.addObject().put("role", message.role() == Role.USER ? "user" : "model").set("parts", parts);
            }
            previous = message.role();
        }
        return contents;
    }

    /**
     * Gemini 3 rejects a model turn whose first function call has no thought signature. History written by another
     * vendor's model (or through a shape that has nowhere to keep the signature, like OpenAI chat) has none; the
     * thought-signature docs give this placeholder for exactly that case. Gemini's own clients send their
     * signatures, so their requests are left alone.
     */
    private static void signFunctionCalls(ArrayNode contents) {
        for (JsonNode content : contents) {
            if (!content.path("role").asString("").equals("model")) {
                continue;
            }
            for (JsonNode part : content.get("parts")) {
                if (part.has("functionCall")) {
                    if (!part.has("thoughtSignature")) {
                        ((ObjectNode) part).put("thoughtSignature", SIGNATURE_PLACEHOLDER);
                    }
                    break;
                }
            }
        }
    }

    /** All functions go in one {@code functionDeclarations} entry, ahead of Gemini's own tools. */
    private static void addTools(ObjectNode root, CanonicalRequest request, List<String> dropped) {
        ArrayNode declarations = Json.array();
        ArrayNode others = Json.array();
        for (ToolDefinition tool : request.tools()) {
            switch (tool) {
                case ToolDefinition.Function function -> {
                    ObjectNode declaration = declarations.addObject().put("name", function.name());
                    function.description().ifPresent(description -> declaration.put("description", description));
                    declaration.set("parametersJsonSchema", Schemas.forGemini(function.parametersSchemaJson()));
                }
                case ToolDefinition.Opaque opaque when opaque.origin() == Shape.GEMINI -> others.add(Json.parse(opaque.rawJson()));
                case ToolDefinition.Opaque opaque -> dropped.add("tools:" + opaque.type());
            }
        }
        if (!declarations.isEmpty() || !others.isEmpty()) {
            ArrayNode tools = root.putArray("tools");
            if (!declarations.isEmpty()) {
                tools.addObject().set("functionDeclarations", declarations);
            }
            tools.addAll(others);
        }
        request.toolChoice().ifPresent(choice -> {
            ObjectNode config = root.putObject("toolConfig").putObject("functionCallingConfig");
            switch (choice) {
                case ToolChoice.Auto auto -> config.put("mode", "AUTO");
                case ToolChoice.None none -> config.put("mode", "NONE");
                case ToolChoice.Required required -> config.put("mode", "ANY");
                case ToolChoice.Specific specific -> config.put("mode", "ANY").putArray("allowedFunctionNames").add(specific.name());
            }
        });
        // Gemini may always call several functions at once; only a request to call at most one is lost.
        if (request.parallelToolCalls().map(parallel -> !parallel).orElse(false)) {
            dropped.add("parallel_tool_calls");
        }
    }

    private static ObjectNode generationConfig(CanonicalRequest request, List<String> dropped) {
        ObjectNode generation = Json.object();
        if (!request.sampling().stop().isEmpty()) {
            ArrayNode stop = generation.putArray("stopSequences");
            request.sampling().stop().forEach(stop::add);
        }
        request.sampling().temperature().ifPresent(value -> generation.put("temperature", value));
        request.sampling().topP().ifPresent(value -> generation.put("topP", value));
        request.sampling().maxTokens().ifPresent(value -> generation.put("maxOutputTokens", value));
        request.responseFormat().ifPresent(format -> {
            switch (format) {
                case ResponseFormat.Text text -> generation.put("responseMimeType", "text/plain");
                case ResponseFormat.JsonObject object -> generation.put("responseMimeType", "application/json");
                case ResponseFormat.JsonSchema schema -> {
                    generation.put("responseMimeType", "application/json");
                    generation.set("responseJsonSchema", Schemas.forGemini(schema.schemaJson()));
                }
            }
        });
        // Thinking asked for in another shape is shown there, so the thoughts are asked for too.
        request.thinkingBudget().ifPresent(budget ->
                generation.putObject("thinkingConfig").put("thinkingBudget", budget).put("includeThoughts", true));
        return generation;
    }
}
