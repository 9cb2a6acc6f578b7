package dev.ingate.translate.canonical;

/**
 * An error in no vendor's shape. {@code type} uses Anthropic's names (invalid_request_error, authentication_error,
 * permission_error, not_found_error, request_too_large, rate_limit_error, api_error, overloaded_error) because they
 * are the most precise; {@code status} is the HTTP status, kept as the upstream sent it.
 */
public record CanonicalError(int status, String type, String message) {

    /** The canonical type a status implies when the body says nothing usable. */
    public static String typeForStatus(int status) {
        return switch (status) {
            case 400, 422 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 529 -> "overloaded_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
    }
}
