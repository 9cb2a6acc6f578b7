package dev.ingate.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Checks {@code Authorization: Bearer <token>} against a secret in constant time (admin API, /metrics). */
public final class BearerToken {

    private static final String BEARER = "Bearer ";

    private BearerToken() {
    }

    public static boolean matches(String authorization, String expected) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] presented = authorization.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(presented, expected.getBytes(StandardCharsets.UTF_8));
    }
}
