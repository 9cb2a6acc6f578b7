package dev.ingate.route;

/** SPEC section 3's path table: which built-in provider a well-known API path belongs to. */
public final class PathDetection {

    private PathDetection() {
    }

    /** The provider name for a path, or null when the path says nothing. */
    public static String providerFor(String path) {
        if (path.startsWith("/v1/")) {
            if (matches(path, "/v1/messages")) {
                return "anthropic";
            }
            if (matches(path, "/v1/chat/completions") || matches(path, "/v1/completions") || matches(path, "/v1/embeddings")
                    || matches(path, "/v1/models") || matches(path, "/v1/responses")) {
                return "openai";
            }
            return null;
        }
        if (matches(path, "/api/chat") || matches(path, "/api/generate")) {
            return "ollama";
        }
        return null;
    }

    /** The path itself or a sub-path of it ({@code /v1/models/gpt-4o}, {@code /v1/messages/count_tokens}). */
    private static boolean matches(String path, String base) {
        return path.startsWith(base) && (path.length() == base.length() || path.charAt(base.length()) == '/');
    }
}
