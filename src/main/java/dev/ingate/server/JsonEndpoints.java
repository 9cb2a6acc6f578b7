package dev.ingate.server;

import io.vertx.core.http.HttpMethod;

import java.util.Set;

/** SPEC section 4: the POST endpoints whose bodies must be JSON, and Gemini's generateContent calls. */
public final class JsonEndpoints {

    private static final Set<String> PATHS = Set.of(
            "/v1/chat/completions", "/v1/completions", "/v1/embeddings", "/v1/responses",
            "/v1/messages", "/v1/messages/count_tokens", "/v1/estimate",
            "/api/chat", "/api/generate", "/api/embed");

    private JsonEndpoints() {
    }

    public static boolean isJsonEndpoint(HttpMethod method, String path) {
        return method == HttpMethod.POST && (PATHS.contains(path) || dev.ingate.translate.Codecs.isGeminiPath(path));
    }
}
