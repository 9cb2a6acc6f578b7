package dev.ingate.cache;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * The requests whose answers are cached: a POST to a chat endpoint of any shape. Embeddings, counts, estimates and
 * model lists are not (cheap, or answered by Ingate itself).
 */
final class CacheablePaths {

    private CacheablePaths() {
    }

    static boolean cacheable(HttpServerRequest request) {
        if (request.method() != HttpMethod.POST) {
            return false;
        }
        String path = request.path();
        return switch (path) {
            case "/v1/chat/completions", "/v1/messages", "/v1/responses", "/api/chat" -> true;
            default -> path.endsWith(":generateContent") || path.endsWith(":streamGenerateContent");
        };
    }

    /**
     * The path and the query parameters that change the answer (Gemini's {@code alt=sse}), sorted; a {@code key}
     * parameter is a credential, never part of the cache key.
     */
    static String pathAndQuery(HttpServerRequest request) {
        String query = request.query();
        if (query == null || query.isEmpty()) {
            return request.path();
        }
        String[] params = query.split("&");
        java.util.Arrays.sort(params);
        StringBuilder out = new StringBuilder(request.path()).append('?');
        for (String p : params) {
            if (!p.isEmpty() && !p.startsWith("key=")) {
                out.append(p).append('&');
            }
        }
        return out.toString();
    }
}
