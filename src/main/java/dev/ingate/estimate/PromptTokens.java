package dev.ingate.estimate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * The input tokens of a request body, without calling anyone. For chat shapes this is an estimate of
 * OpenAI's own accounting as its cookbook gives it ("How to count tokens with tiktoken"): 3 tokens
 * around every message, the tokens of each of its string fields (role, content, name…), 1 more for a
 * {@code name}, and 3 for the reply's priming ({@code <|start|>assistant<|message|>}). Tool definitions
 * count as their JSON text, which is close to, not exactly, how OpenAI renders them into the prompt.
 * Anthropic bodies are counted the same way (their {@code system} as one more message): for a Claude
 * model it is a chars/4 guess anyway, and for an OpenAI model it is what the translated request costs.
 *
 * <p>Media is not decoded: an image counts {@link #IMAGE_TOKENS}, and audio, files and documents count
 * nothing, since their cost depends on what is inside.
 */
final class PromptTokens {

    static final int TOKENS_PER_MESSAGE = 3;
    static final int TOKENS_PER_NAME = 1;
    static final int REPLY_PRIMING = 3;
    /** What the smallest image costs at OpenAI (a low-detail image); larger ones cost more. */
    static final int IMAGE_TOKENS = 85;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TokenCounter tokenizer;

    PromptTokens(TokenCounter tokenizer) {
        this.tokenizer = tokenizer;
    }

    int count(JsonNode body, RequestShape shape) {
        return switch (shape) {
            case OPENAI_CHAT -> messages(body.path("messages")) + REPLY_PRIMING + tools(body);
            case ANTHROPIC_MESSAGES -> system(body.get("system")) + messages(body.path("messages")) + REPLY_PRIMING + tools(body);
            case PLAIN_TEXT -> plain(body.get("instructions")) + plain(body.get("input")) + plain(body.get("prompt")) + tools(body);
        };
    }

    private int messages(JsonNode messages) {
        int total = 0;
        for (JsonNode message : messages) {
            total += message(message);
        }
        return total;
    }

    private int message(JsonNode message) {
        int total = TOKENS_PER_MESSAGE;
        for (Map.Entry<String, JsonNode> field : message.properties()) {
            JsonNode value = field.getValue();
            if (field.getKey().equals("content")) {
                total += content(value);
            } else if (value.isString()) {
                total += tokenizer.count(value.asString());
                if (field.getKey().equals("name")) {
                    total += TOKENS_PER_NAME;
                }
            } else if (!value.isNull()) {
                total += json(value);   // tool_calls, function_call: the model reads them as their JSON
            }
        }
        return total;
    }

    private int system(JsonNode system) {
        if (system == null || system.isNull()) {
            return 0;
        }
        return TOKENS_PER_MESSAGE + tokenizer.count("system") + content(system);
    }

    /** A string, or an array of parts (OpenAI) or blocks (Anthropic). */
    private int content(JsonNode content) {
        if (content.isString()) {
            return tokenizer.count(content.asString());
        }
        int total = 0;
        for (JsonNode part : content) {
            total += part(part);
        }
        return total;
    }

    private int part(JsonNode part) {
        if (part.isString()) {
            return tokenizer.count(part.asString());
        }
        JsonNode text = part.get("text");
        if (text != null && text.isString()) {   // text, input_text, output_text
            return tokenizer.count(text.asString());
        }
        return switch (part.path("type").asString("")) {
            case "image", "image_url", "input_image" -> IMAGE_TOKENS;
            case "tool_use" -> tokenizer.count(part.path("name").asString("")) + json(part.path("input"));
            case "tool_result" -> content(part.path("content"));
            case "thinking" -> tokenizer.count(part.path("thinking").asString(""));
            default -> 0;
        };
    }

    private int tools(JsonNode body) {
        return jsonIfPresent(body.get("tools")) + jsonIfPresent(body.get("functions"));
    }

    /** {@code input} or {@code prompt}: a string, an array of strings, or (Responses API) an array of messages. */
    private int plain(JsonNode value) {
        if (value == null || value.isNull()) {
            return 0;
        }
        if (value.isString()) {
            return tokenizer.count(value.asString());
        }
        int total = 0;
        for (JsonNode item : value) {
            total += item.isObject() && item.has("role") ? message(item) : part(item);
        }
        return total;
    }

    private int jsonIfPresent(JsonNode value) {
        return value == null || value.isNull() ? 0 : json(value);
    }

    private int json(JsonNode value) {
        return tokenizer.count(JSON.writeValueAsString(value));
    }
}
