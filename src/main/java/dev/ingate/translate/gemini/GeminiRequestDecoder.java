package dev.ingate.translate.gemini;

import dev.ingate.translate.Json;
import dev.ingate.translate.TranslationException;
import dev.ingate.translate.canonical.CanonicalRequest;
import dev.ingate.translate.canonical.Message;
import dev.ingate.translate.canonical.ResponseFormat;
import dev.ingate.translate.canonical.Role;
import dev.ingate.translate.canonical.Sampling;
import dev.ingate.translate.canonical.Shape;
import dev.ingate.translate.canonical.ShapeParams;
import dev.ingate.translate.canonical.ToolChoice;
import dev.ingate.translate.canonical.ToolDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A Gemini {@code generateContent} request → canonical request. The model and streaming come from the path, not
 * the body. Parameters without a canonical field are kept by name; those inside {@code generationConfig} as
 * {@code generationConfig.<name>}, so another shape reports exactly which setting it dropped.
 */
public final class GeminiRequestDecoder {

    static final String GENERATION_CONFIG_PREFIX = "generationConfig.";
    private static final Set<String> MODELLED = Set.of("contents", "systemInstruction", "tools", "toolConfig", "generationConfig");
    private static final Set<String> MODELLED_GENERATION = Set.of("temperature", "topP", "maxOutputTokens", "stopSequences");
    private static final String EMPTY_OBJECT_SCHEMA = "{\"type\":\"object\",\"properties\":{}}";

    private GeminiRequestDecoder() {
    }

    public static CanonicalRequest decode(String path, String json) {
        JsonNode root = Json.parseObject(json);
        GeminiPaths.Call call = GeminiPaths.parse(path);
        CallIds ids = CallIds.forRequest();
        List<Message> messages = new ArrayList<>();
        for (JsonNode content : Fields.elements(root, "contents")) {
            String role = Fields.text(content, "role", "user");
            Role canonical = switch (role) {
                // Function responses went in a "function" turn in older API versions.
                case "user", "function", "tool" -> Role.USER;
                case "model" -> Role.ASSISTANT;
                default -> throw new TranslationException("unsupported content role: " + role);
            };
            messages.add(new Message(canonical, GeminiParts.decode(content, ids)));
        }
        Map<String, String> extras = extras(root);
        JsonNode generation = Fields.get(root, "generationConfig");
        List<String> stop = new ArrayList<>();
        Fields.elements(generation, "stopSequences").forEach(sequence -> stop.add(sequence.asString()));
        Sampling sampling = new Sampling(Fields.decimal(generation, "temperature"), Fields.decimal(generation, "topP"),
                Fields.integer(generation, "maxOutputTokens"), stop);
        return new CanonicalRequest(
                call.model(),
                system(Fields.get(root, "systemInstruction")),
                messages,
                tools(root),
                toolChoice(Fields.get(root, "toolConfig"), extras),
                Optional.empty(),
                sampling,
                thinkingBudget(generation, extras),
                call.stream(),
                true,
                Optional.empty(),
                responseFormat(generation, extras),
                new ShapeParams(Shape.GEMINI, extras));
    }

    private static List<String> system(JsonNode instruction) {
        if (instruction == null) {
            return List.of();
        }
        if (instruction.isString()) {
            return List.of(instruction.stringValue());
        }
        List<String> texts = new ArrayList<>();
        Fields.elements(instruction, "parts").forEach(part -> Fields.text(part, "text").ifPresent(texts::add));
        return texts;
    }

    /**
     * Function declarations become canonical tools one by one; a tool entry of any other kind (googleSearch,
     * codeExecution, urlContext…) is kept whole for Gemini.
     */
    private static List<ToolDefinition> tools(JsonNode root) {
        List<ToolDefinition> tools = new ArrayList<>();
        for (JsonNode tool : Fields.elements(root, "tools")) {
            for (var field : tool.properties()) {
                String kind = Fields.camel(field.getKey());
                if (!kind.equals("functionDeclarations")) {
                    tools.add(new ToolDefinition.Opaque(Shape.GEMINI, kind, Json.write(Json.object().set(field.getKey(), field.getValue()))));
                    continue;
                }
                for (JsonNode declaration : field.getValue()) {
                    tools.add(new ToolDefinition.Function(Fields.text(declaration, "name", ""), Fields.text(declaration, "description"),
                            parameters(declaration)));
                }
            }
        }
        return tools;
    }

    private static String parameters(JsonNode declaration) {
        JsonNode jsonSchema = Fields.get(declaration, "parametersJsonSchema");
        if (jsonSchema != null) {
            return Json.write(jsonSchema);
        }
        JsonNode openApi = Fields.get(declaration, "parameters");
        return openApi == null ? EMPTY_OBJECT_SCHEMA : Json.write(Schemas.fromOpenApi(openApi));
    }

    /** Only a config that says exactly what a canonical choice says is modelled; any other stays raw for Gemini. */
    private static Optional<ToolChoice> toolChoice(JsonNode toolConfig, Map<String, String> extras) {
        if (toolConfig == null) {
            return Optional.empty();
        }
        JsonNode config = Fields.get(toolConfig, "functionCallingConfig");
        List<String> allowed = new ArrayList<>();
        Fields.elements(config, "allowedFunctionNames").forEach(name -> allowed.add(name.asString()));
        Optional<ToolChoice> choice = toolConfig.size() != 1 || config == null ? Optional.empty()
                : switch (Fields.text(config, "mode", "AUTO")) {
                    case "AUTO" -> allowed.isEmpty() ? Optional.of(new ToolChoice.Auto()) : Optional.empty();
                    case "NONE" -> allowed.isEmpty() ? Optional.of(new ToolChoice.None()) : Optional.empty();
                    case "ANY" -> allowed.isEmpty() ? Optional.of(new ToolChoice.Required())
                            : allowed.size() == 1 ? Optional.of(new ToolChoice.Specific(allowed.getFirst())) : Optional.empty();
                    default -> Optional.empty();
                };
        if (choice.isEmpty()) {
            extras.put("toolConfig", Json.write(toolConfig));
        }
        return choice;
    }

    /**
     * A positive budget is canonical thinking (shown, as Anthropic shows it). Budget 0 (off), -1 (dynamic) and
     * {@code thinkingLevel} mean nothing to other shapes: that config stays raw for Gemini.
     */
    private static Optional<Integer> thinkingBudget(JsonNode generation, Map<String, String> extras) {
        JsonNode thinking = Fields.get(generation, "thinkingConfig");
        if (thinking == null) {
            return Optional.empty();
        }
        Optional<Integer> budget = Fields.integer(thinking, "thinkingBudget").filter(tokens -> tokens > 0);
        if (budget.isEmpty() || Fields.has(thinking, "thinkingLevel")) {
            extras.put(GENERATION_CONFIG_PREFIX + "thinkingConfig", Json.write(thinking));
            return Optional.empty();
        }
        return budget;
    }

    /** JSON output with a schema in either dialect; other MIME types (text/x.enum) stay raw for Gemini. */
    private static Optional<ResponseFormat> responseFormat(JsonNode generation, Map<String, String> extras) {
        Optional<String> mimeType = Fields.text(generation, "responseMimeType");
        JsonNode jsonSchema = Fields.get(generation, "responseJsonSchema");
        JsonNode openApiSchema = Fields.get(generation, "responseSchema");
        if (mimeType.isEmpty()) {
            keepSchemas(jsonSchema, openApiSchema, extras);
            return Optional.empty();
        }
        return switch (mimeType.get()) {
            case "application/json" -> {
                if (jsonSchema != null) {
                    yield Optional.of(new ResponseFormat.JsonSchema("response", Json.write(jsonSchema), Optional.empty()));
                }
                if (openApiSchema != null) {
                    yield Optional.of(new ResponseFormat.JsonSchema("response", Json.write(Schemas.fromOpenApi(openApiSchema)), Optional.empty()));
                }
                yield Optional.of(new ResponseFormat.JsonObject());
            }
            case "text/plain" -> Optional.of(new ResponseFormat.Text());
            default -> {
                extras.put(GENERATION_CONFIG_PREFIX + "responseMimeType", Json.write(Fields.get(generation, "responseMimeType")));
                keepSchemas(jsonSchema, openApiSchema, extras);
                yield Optional.empty();
            }
        };
    }

    private static void keepSchemas(JsonNode jsonSchema, JsonNode openApiSchema, Map<String, String> extras) {
        if (jsonSchema != null) {
            extras.put(GENERATION_CONFIG_PREFIX + "responseJsonSchema", Json.write(jsonSchema));
        }
        if (openApiSchema != null) {
            extras.put(GENERATION_CONFIG_PREFIX + "responseSchema", Json.write(openApiSchema));
        }
    }

    private static Map<String, String> extras(JsonNode root) {
        Map<String, String> extras = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String name = Fields.camel(field.getKey());
            if (!MODELLED.contains(name) && !field.getValue().isNull()) {
                extras.put(name, Json.write(field.getValue()));
            }
        }
        JsonNode generation = Fields.get(root, "generationConfig");
        if (generation != null) {
            for (Map.Entry<String, JsonNode> field : generation.properties()) {
                String name = Fields.camel(field.getKey());
                boolean modelledElsewhere = name.equals("thinkingConfig") || name.startsWith("response") && name.contains("Schema")
                        || name.equals("responseMimeType");
                if (!MODELLED_GENERATION.contains(name) && !modelledElsewhere && !field.getValue().isNull()) {
                    extras.put(GENERATION_CONFIG_PREFIX + name, Json.write(field.getValue()));
                }
            }
        }
        return extras;
    }
}
