package dev.ingate.translate;

import dev.ingate.provider.ApiShape;
import dev.ingate.translate.anthropic.AnthropicMessagesCodec;
import dev.ingate.translate.canonical.Shape;
import dev.ingate.translate.gemini.GeminiCodec;
import dev.ingate.translate.ollama.OllamaChatCodec;
import dev.ingate.translate.responses.OpenAiResponsesCodec;
import dev.ingate.translate.openai.OpenAiChatCodec;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The codec of every shape, and which shape a caller's path or a provider's type speaks. */
public final class Codecs {

    private final Map<Shape, ShapeCodec> byShape = new EnumMap<>(Shape.class);

    public Codecs(Clock clock) {
        register(new OpenAiChatCodec(clock));
        register(new AnthropicMessagesCodec());
        register(new GeminiCodec());
        register(new OllamaChatCodec(clock));
        register(new OpenAiResponsesCodec(clock));
    }

    private void register(ShapeCodec codec) {
        byShape.put(codec.shape(), codec);
    }

    public Optional<ShapeCodec> forShape(Shape shape) {
        return Optional.ofNullable(byShape.get(shape));
    }

    /** The shape of a chat request by the path the caller used; empty for paths that are not translatable chat calls. */
    public static Optional<Shape> ofIngressPath(String path) {
        return switch (path) {
            case "/v1/chat/completions" -> Optional.of(Shape.OPENAI_CHAT);
            case "/v1/messages" -> Optional.of(Shape.ANTHROPIC_MESSAGES);
            case "/v1/responses" -> Optional.of(Shape.OPENAI_RESPONSES);
            case "/api/chat" -> Optional.of(Shape.OLLAMA_CHAT);
            default -> isGeminiPath(path) ? Optional.of(Shape.GEMINI) : Optional.empty();
        };
    }

    /** {@code /v1beta/models/{model}:generateContent} or {@code :streamGenerateContent} (any version segment). */
    public static boolean isGeminiPath(String path) {
        return path.contains("/models/") && (path.endsWith(":generateContent") || path.endsWith(":streamGenerateContent"));
    }

    /** The chat shape an upstream of this provider type is spoken to in when a request is translated for it. */
    public static Optional<Shape> forProvider(ApiShape providerShape) {
        return switch (providerShape) {
            case OPENAI -> Optional.of(Shape.OPENAI_CHAT);
            case ANTHROPIC -> Optional.of(Shape.ANTHROPIC_MESSAGES);
            case OLLAMA -> Optional.of(Shape.OLLAMA_CHAT);
            case GEMINI -> Optional.of(Shape.GEMINI);
            case BEDROCK -> Optional.empty();
        };
    }

    /** The provider type whose native API a caller's shape is (Responses is OpenAI's). */
    public static ApiShape providerTypeOf(Shape shape) {
        return switch (shape) {
            case OPENAI_CHAT, OPENAI_RESPONSES -> ApiShape.OPENAI;
            case ANTHROPIC_MESSAGES -> ApiShape.ANTHROPIC;
            case OLLAMA_CHAT -> ApiShape.OLLAMA;
            case GEMINI -> ApiShape.GEMINI;
        };
    }
}
