package dev.ingate.translate.openai;

/** OpenAI error {@code type} ↔ the canonical (Anthropic) names, for errors sent inside a stream. */
final class ErrorTypes {

    private ErrorTypes() {
    }

    static String decode(String openAiType) {
        return switch (openAiType) {
            case "invalid_request_error", "authentication_error", "permission_error", "not_found_error" -> openAiType;
            // OpenAI puts the limit that was hit ("requests", "tokens") in the type of a 429.
            case "rate_limit_error", "rate_limit_exceeded", "requests", "tokens", "insufficient_quota" -> "rate_limit_error";
            default -> "api_error";
        };
    }

    static String encode(String canonicalType) {
        return switch (canonicalType) {
            case "api_error", "overloaded_error" -> "server_error";
            default -> canonicalType;
        };
    }
}
