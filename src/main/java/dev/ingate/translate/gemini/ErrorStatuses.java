package dev.ingate.translate.gemini;

/** Gemini's error {@code status} (a google.rpc code name) ↔ canonical error types. */
final class ErrorStatuses {

    private ErrorStatuses() {
    }

    /** Null for a status that says nothing the HTTP status does not. */
    static String decode(String status) {
        return switch (status) {
            case "INVALID_ARGUMENT", "FAILED_PRECONDITION", "OUT_OF_RANGE" -> "invalid_request_error";
            case "UNAUTHENTICATED" -> "authentication_error";
            case "PERMISSION_DENIED" -> "permission_error";
            case "NOT_FOUND" -> "not_found_error";
            case "RESOURCE_EXHAUSTED" -> "rate_limit_error";
            case "UNAVAILABLE" -> "overloaded_error";
            case "INTERNAL", "UNKNOWN", "DATA_LOSS", "DEADLINE_EXCEEDED" -> "api_error";
            default -> null;
        };
    }

    static String encode(String canonicalType) {
        return switch (canonicalType) {
            case "invalid_request_error", "request_too_large" -> "INVALID_ARGUMENT";
            case "authentication_error" -> "UNAUTHENTICATED";
            case "permission_error", "billing_error" -> "PERMISSION_DENIED";
            case "not_found_error" -> "NOT_FOUND";
            case "rate_limit_error" -> "RESOURCE_EXHAUSTED";
            case "overloaded_error" -> "UNAVAILABLE";
            case "timeout_error" -> "DEADLINE_EXCEEDED";
            default -> "INTERNAL";
        };
    }

    /** The HTTP code Gemini pairs with a status, for errors inside a stream (which carry no HTTP status). */
    static int httpCode(String status) {
        return switch (status) {
            case "INVALID_ARGUMENT" -> 400;
            case "UNAUTHENTICATED" -> 401;
            case "PERMISSION_DENIED" -> 403;
            case "NOT_FOUND" -> 404;
            case "RESOURCE_EXHAUSTED" -> 429;
            case "UNAVAILABLE" -> 503;
            case "DEADLINE_EXCEEDED" -> 504;
            default -> 500;
        };
    }
}
