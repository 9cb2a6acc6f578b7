package dev.ingate.provider;

import java.util.Locale;

/** The wire dialect a provider speaks, and the one a caller used (it picks the error envelope). */
public enum ApiShape {
    OPENAI, ANTHROPIC, OLLAMA, GEMINI, BEDROCK;

    public static ApiShape parse(String type) {
        return valueOf(type.toUpperCase(Locale.ROOT));
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The caller's shape, from the path it called: it decides which error envelope the caller's SDK understands. */
    public static ApiShape ofIngressPath(String path) {
        if (path.startsWith("/v1/messages")) {
            return ANTHROPIC;
        }
        if (path.startsWith("/api/")) {
            return OLLAMA;
        }
        if (path.contains("/models/") && (path.endsWith(":generateContent") || path.endsWith(":streamGenerateContent"))) {
            return GEMINI;
        }
        return OPENAI;
    }
}
