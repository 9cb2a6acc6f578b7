package dev.ingate.auth;

import dev.ingate.keys.GatewayKey;
import io.vertx.core.MultiMap;

/**
 * Where a caller put its gateway key. SDKs can only send their usual credential headers, so a
 * {@code sk-ingate-} value in {@code Authorization: Bearer} or {@code x-api-key} counts as the gateway key.
 * The header that carried it must never be forwarded upstream.
 */
public enum KeyCarrier {
    NONE(null), X_INGATE_KEY("x-ingate-key"), AUTHORIZATION("authorization"), X_API_KEY("x-api-key");

    private static final String PREFIX = GatewayKey.SECRET_PREFIX;
    private static final String BEARER = "Bearer ";

    private final String header;

    KeyCarrier(String header) {
        this.header = header;
    }

    /** The header name (lower case) that carried the key, or null. */
    public String header() {
        return header;
    }

    public static KeyCarrier find(MultiMap headers) {
        if (headers.contains("x-ingate-key")) {
            return X_INGATE_KEY;
        }
        String authorization = headers.get("authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && authorization.startsWith(PREFIX, BEARER.length())) {
            return AUTHORIZATION;
        }
        String apiKey = headers.get("x-api-key");
        if (apiKey != null && apiKey.startsWith(PREFIX)) {
            return X_API_KEY;
        }
        return NONE;
    }

    public String presentedKey(MultiMap headers) {
        return switch (this) {
            case NONE -> null;
            case X_INGATE_KEY -> headers.get("x-ingate-key").trim();
            case AUTHORIZATION -> headers.get("authorization").substring(BEARER.length()).trim();
            case X_API_KEY -> headers.get("x-api-key").trim();
        };
    }
}
