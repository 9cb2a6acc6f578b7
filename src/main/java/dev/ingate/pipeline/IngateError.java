package dev.ingate.pipeline;

/**
 * An error Ingate itself answers with. The {@link Kind} carries what every envelope needs; {@code code}
 * is a stable machine-readable reason for the OpenAI envelope's {@code code} field.
 */
public record IngateError(Kind kind, String code, String message) {

    public enum Kind {
        INVALID_REQUEST(400, "invalid_request_error", "invalid_request_error"),
        AUTHENTICATION(401, "authentication_error", "authentication_error"),
        BUDGET(402, "insufficient_quota", "billing_error"),
        PERMISSION(403, "permission_error", "permission_error"),
        NOT_FOUND(404, "not_found_error", "not_found_error"),
        TOO_LARGE(413, "invalid_request_error", "request_too_large"),
        UNSUPPORTED_MEDIA_TYPE(415, "invalid_request_error", "invalid_request_error"),
        RATE_LIMITED(429, "rate_limit_error", "rate_limit_error"),
        UPSTREAM_FAILED(502, "upstream_error", "api_error"),
        UPSTREAM_TIMEOUT(504, "timeout_error", "timeout_error");

        public final int status;
        public final String openAiType;
        public final String anthropicType;

        Kind(int status, String openAiType, String anthropicType) {
            this.status = status;
            this.openAiType = openAiType;
            this.anthropicType = anthropicType;
        }
    }

    public int status() {
        return kind.status;
    }

    public static IngateError missingKey() {
        return new IngateError(Kind.AUTHENTICATION, "missing_api_key",
                "Missing gateway key: send it in X-Ingate-Key, or as Authorization: Bearer sk-ingate-… or x-api-key: sk-ingate-…");
    }

    public static IngateError invalidKey() {
        return new IngateError(Kind.AUTHENTICATION, "invalid_api_key", "Invalid gateway key");
    }

    public static IngateError noProvider(String path) {
        return new IngateError(Kind.INVALID_REQUEST, "no_provider",
                "No provider for " + path + ": send X-Ingate-Provider, call a known API path, or set default_provider");
    }

    public static IngateError unknownProvider(String name) {
        return new IngateError(Kind.NOT_FOUND, "provider_not_found", "Provider '" + name + "' is not configured");
    }

    public static IngateError disabledProvider(String name) {
        return new IngateError(Kind.NOT_FOUND, "provider_disabled", "Provider '" + name + "' is not enabled");
    }

    public static IngateError providerOutOfScope(String name) {
        return new IngateError(Kind.PERMISSION, "provider_not_allowed", "This gateway key may not use provider '" + name + "'");
    }

    public static IngateError modelOutOfScope(String model) {
        return new IngateError(Kind.PERMISSION, "model_not_allowed", "This gateway key may not use model '" + model + "'");
    }

    public static IngateError unsupportedMediaType(String path) {
        return new IngateError(Kind.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "POST " + path + " needs Content-Type: application/json");
    }

    public static IngateError bodyTooLarge(long limit) {
        return new IngateError(Kind.TOO_LARGE, "request_too_large",
                "Request body is larger than max_request_body (" + limit + " bytes)");
    }

    public static IngateError malformedJson(String detail) {
        return new IngateError(Kind.INVALID_REQUEST, "invalid_json", "Request body is not valid JSON: " + detail);
    }

    public static IngateError upstreamUnreachable(String provider, String detail) {
        return new IngateError(Kind.UPSTREAM_FAILED, "upstream_unreachable",
                "Provider '" + provider + "' could not be reached: " + detail);
    }

    public static IngateError upstreamTimeout(String provider) {
        return new IngateError(Kind.UPSTREAM_TIMEOUT, "upstream_timeout", "Provider '" + provider + "' did not answer in time");
    }

    /** The caller's body is JSON but not a request its API shape allows, so it cannot be translated. */
    public static IngateError untranslatable(String detail) {
        return new IngateError(Kind.INVALID_REQUEST, "invalid_request", "The request cannot be translated: " + detail);
    }

    /** No target of the plan can take this request (say an embeddings call routed to an Anthropic provider). */
    public static IngateError noServableTarget(String detail) {
        return new IngateError(Kind.INVALID_REQUEST, "untranslatable_request", detail);
    }
}
