package dev.ingate.observe.pricing;

import tools.jackson.databind.JsonNode;

/**
 * Reads a provider's raw usage object the way one genai-prices extractor ({@code provider_id} +
 * {@code api_flavor}) reads it, and normalises it with {@link Usage}'s factories. The dataset
 * runs every extractor over every body, so an Anthropic-shaped body is also read as OpenAI
 * Responses usage (whose {@code input_tokens} then lacks the cache counts): we read it the same way.
 */
final class RawUsage {

    private RawUsage() {
    }

    /** The model name the extractor would read, or null when the body has none. */
    static String model(String providerId, String flavor, JsonNode body) {
        JsonNode model = "google".equals(providerId) && "default".equals(flavor)
                ? body.get("modelVersion") : body.get("model");
        return model == null || !model.isString() ? null : model.asString();
    }

    static Usage usage(String providerId, String flavor, JsonNode body) {
        return switch (shape(providerId, flavor)) {
            case ANTHROPIC -> anthropic(body.path("usage"));
            case RESPONSES -> responses(providerId, body.path("usage"));
            case EMBEDDINGS -> "cohere".equals(providerId)
                    ? Usage.of(n(body.path("meta").path("billed_units"), "input_tokens"), 0)
                    : Usage.of(n(body.path("usage"), "prompt_tokens"), 0);
            case CHAT -> chat(providerId, flavor, body.path("usage"));
            case GEMINI -> gemini(body.path("usageMetadata"));
            case BEDROCK -> bedrock(body.path("usage"));
            case COHERE -> cohere(flavor, body.path("usage"));
        };
    }

    enum Shape { ANTHROPIC, RESPONSES, EMBEDDINGS, CHAT, GEMINI, BEDROCK, COHERE }

    static Shape shape(String providerId, String flavor) {
        return switch (flavor) {
            case "anthropic" -> Shape.ANTHROPIC;
            case "responses" -> Shape.RESPONSES;
            case "embeddings" -> Shape.EMBEDDINGS;
            case "chat" -> Shape.CHAT;
            default -> switch (providerId) {
                case "anthropic", "minimax" -> Shape.ANTHROPIC;
                case "google" -> Shape.GEMINI;
                case "aws" -> Shape.BEDROCK;
                case "cohere" -> Shape.COHERE;
                default -> Shape.CHAT; // groq, mistral, x-ai, perplexity: OpenAI-compatible
            };
        };
    }

    private static Usage anthropic(JsonNode u) {
        return Usage.fromAnthropic(n(u, "input_tokens"), n(u, "cache_read_input_tokens"),
                n(u, "cache_creation_input_tokens"), n(u, "output_tokens"));
    }

    // Only these extractors read cache_write_tokens; the others (Azure's among them) bill those
    // tokens, which the input count includes, at the plain input price.
    private static boolean readsCacheWrites(String providerId, Shape shape) {
        return "openai".equals(providerId)
                || shape == Shape.CHAT && ("openrouter".equals(providerId) || "doubleword".equals(providerId));
    }

    private static Usage responses(String providerId, JsonNode u) {
        JsonNode in = u.path("input_tokens_details");
        long cacheWrite = readsCacheWrites(providerId, Shape.RESPONSES) ? n(in, "cache_write_tokens") : 0;
        return Usage.fromInclusive(n(u, "input_tokens"), n(in, "cached_tokens"), cacheWrite,
                n(u, "output_tokens"), n(u.path("output_tokens_details"), "reasoning_tokens"));
    }

    private static Usage chat(String providerId, String flavor, JsonNode u) {
        JsonNode prompt = u.path("prompt_tokens_details");
        JsonNode completion = u.path("completion_tokens_details");
        long cached = switch (providerId) {
            case "anthropic" -> n(u, "cached_tokens"); // Anthropic's OpenAI-compatible endpoint
            case "x-ai" -> "default".equals(flavor) ? n(u, "cached_prompt_text_tokens") : n(prompt, "cached_tokens");
            case "cerebras" -> 0; // its extractor reads no cache count
            default -> n(prompt, "cached_tokens");
        };
        long cacheWrite = readsCacheWrites(providerId, Shape.CHAT) ? n(prompt, "cache_write_tokens") : 0;
        return Usage.fromInclusive(n(u, "prompt_tokens"), cached, cacheWrite,
                        n(u, "completion_tokens"), n(completion, "reasoning_tokens"))
                .withAudio(n(prompt, "audio_tokens"), 0, n(completion, "audio_tokens"));
    }

    private static Usage gemini(JsonNode u) {
        return Usage.fromGemini(n(u, "promptTokenCount"), n(u, "cachedContentTokenCount"),
                        n(u, "candidatesTokenCount"), n(u, "thoughtsTokenCount"), n(u, "toolUsePromptTokenCount"))
                .withAudio(audio(u, "promptTokensDetails") + audio(u, "toolUsePromptTokensDetails"),
                        audio(u, "cacheTokensDetails"), audio(u, "candidatesTokensDetails"));
    }

    private static Usage bedrock(JsonNode u) {
        return Usage.fromBedrock(n(u, "inputTokens"), n(u, "cacheReadInputTokens"),
                n(u, "cacheWriteInputTokens"), n(u, "outputTokens"));
    }

    private static Usage cohere(String flavor, JsonNode u) {
        if ("tokens".equals(flavor)) {
            JsonNode t = u.path("tokens");
            return Usage.fromInclusive(n(t, "input_tokens"), n(u, "cached_tokens"), 0, n(t, "output_tokens"), 0);
        }
        JsonNode billed = u.path("billed_units");
        return Usage.of(n(billed, "input_tokens"), n(billed, "output_tokens"));
    }

    // Gemini lists tokens per modality: [{"modality":"AUDIO","tokenCount":12}, …]
    private static long audio(JsonNode usage, String details) {
        for (JsonNode d : usage.path(details)) {
            if ("AUDIO".equalsIgnoreCase(d.path("modality").asString(""))) {
                return n(d, "tokenCount");
            }
        }
        return 0;
    }

    private static long n(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isNumber() ? v.asLong() : 0;
    }
}
