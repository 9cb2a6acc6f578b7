package dev.ingate.limits;

import io.vertx.core.MultiMap;

/**
 * OpenAI's rate limit headers, which its SDKs and many tools read: the limit, what is left of it in the current
 * window, and when the window starts again ({@code 23s}). Only the limits that are set are shown.
 */
final class RateHeaders {

    static final String LIMIT_REQUESTS = "x-ratelimit-limit-requests";
    static final String REMAINING_REQUESTS = "x-ratelimit-remaining-requests";
    static final String RESET_REQUESTS = "x-ratelimit-reset-requests";
    static final String LIMIT_TOKENS = "x-ratelimit-limit-tokens";
    static final String REMAINING_TOKENS = "x-ratelimit-remaining-tokens";
    static final String RESET_TOKENS = "x-ratelimit-reset-tokens";

    private RateHeaders() {
    }

    static void set(MultiMap headers, RateScope scope, long requests, long tokens, long secondsLeft) {
        String reset = secondsLeft + "s";
        if (scope.rpm() > 0) {
            headers.set(LIMIT_REQUESTS, String.valueOf(scope.rpm()));
            headers.set(REMAINING_REQUESTS, String.valueOf(Math.max(0, scope.rpm() - requests)));
            headers.set(RESET_REQUESTS, reset);
        }
        if (scope.tpm() > 0) {
            headers.set(LIMIT_TOKENS, String.valueOf(scope.tpm()));
            headers.set(REMAINING_TOKENS, String.valueOf(Math.max(0, scope.tpm() - tokens)));
            headers.set(RESET_TOKENS, reset);
        }
    }
}
