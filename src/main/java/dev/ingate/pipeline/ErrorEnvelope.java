package dev.ingate.pipeline;

import dev.ingate.provider.ApiShape;
import io.vertx.core.buffer.Buffer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Renders an {@link IngateError} in the envelope of the API shape the caller used (SPEC section 4). */
public final class ErrorEnvelope {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ErrorEnvelope() {
    }

    public static Buffer render(ApiShape callerShape, IngateError error) {
        ObjectNode root = JSON.createObjectNode();
        switch (callerShape) {
            case ANTHROPIC -> {
                root.put("type", "error");
                ObjectNode body = root.putObject("error");
                body.put("type", error.kind().anthropicType);
                body.put("message", error.message());
            }
            case OLLAMA -> root.put("error", error.message());
            case GEMINI -> root.putObject("error").put("code", error.status()).put("message", error.message())
                    .put("status", googleStatus(error.status()));
            default -> {
                ObjectNode body = root.putObject("error");
                body.put("message", error.message());
                body.put("type", error.kind().openAiType);
                body.putNull("param");
                body.put("code", error.code());
            }
        }
        return Buffer.buffer(JSON.writeValueAsBytes(root));
    }

    /** google.rpc.Code names, as Gemini's envelope carries them. */
    private static String googleStatus(int status) {
        return switch (status) {
            case 401 -> "UNAUTHENTICATED";
            case 402 -> "FAILED_PRECONDITION";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 502, 503 -> "UNAVAILABLE";
            case 504 -> "DEADLINE_EXCEEDED";
            default -> status >= 500 ? "INTERNAL" : "INVALID_ARGUMENT";
        };
    }
}
