package dev.ingate.translate.responses;

/**
 * Responses error types and codes ↔ the canonical (Anthropic) error names. HTTP error bodies carry OpenAI's
 * {@code type}; a failed response and a stream's {@code error} event carry a {@code code} instead
 * (server_error, rate_limit_exceeded, invalid_prompt, invalid_image…), which the SDK reads as a closed list.
 */
final class ErrorCodes {

    private ErrorCodes() {
    }

    /** An error body's {@code type}, or null when it says nothing the status does not. */
    static String decodeType(String type) {
        return switch (type) {
            case "invalid_request_error", "authentication_error", "permission_error", "not_found_error" -> type;
            case "rate_limit_error", "rate_limit_exceeded", "requests", "tokens", "insufficient_quota" -> "rate_limit_error";
            case "server_error", "api_error" -> "api_error";
            default -> null;
        };
    }

    static String encodeType(String canonicalType) {
        return switch (canonicalType) {
            case "api_error", "overloaded_error" -> "server_error";
            default -> canonicalType;
        };
    }

    /** A failed response's or error event's {@code code} (may be empty). */
    static String decodeCode(String code) {
        if (code.equals("rate_limit_exceeded")) {
            return "rate_limit_error";
        }
        return code.startsWith("invalid_") || code.startsWith("image_") || code.endsWith("_image") ? "invalid_request_error" : "api_error";
    }

    /** Only codes the SDK knows: a prompt the upstream rejected is the nearest to a bad request. */
    static String encodeCode(String canonicalType) {
        return switch (canonicalType) {
            case "rate_limit_error" -> "rate_limit_exceeded";
            case "invalid_request_error", "request_too_large" -> "invalid_prompt";
            default -> "server_error";
        };
    }
}
