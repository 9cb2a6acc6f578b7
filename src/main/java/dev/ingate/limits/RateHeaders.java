package dev.ingate.limits;

import dev.ingate.pipeline.WireHeaders;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

/**
 * OpenAI's rate limit headers, which its SDKs and many tools read: the limit, what is left of it in the current
 * window, and when the window starts again ({@code 23s}). Only the limits that are set are shown. The names are
 * prepared once ({@link HttpHeaders#createOptimized}): six headers on every limited request.
 */
final class RateHeaders {

    static final CharSequence LIMIT_REQUESTS = HttpHeaders.createOptimized("x-ratelimit-limit-requests");
    static final CharSequence REMAINING_REQUESTS = HttpHeaders.createOptimized("x-ratelimit-remaining-requests");
    static final CharSequence RESET_REQUESTS = HttpHeaders.createOptimized("x-ratelimit-reset-requests");
    static final CharSequence LIMIT_TOKENS = HttpHeaders.createOptimized("x-ratelimit-limit-tokens");
    static final CharSequence REMAINING_TOKENS = HttpHeaders.createOptimized("x-ratelimit-remaining-tokens");
    static final CharSequence RESET_TOKENS = HttpHeaders.createOptimized("x-ratelimit-reset-tokens");

    private RateHeaders() {
    }

    static void set(MultiMap headers, RateScope scope, long requests, long tokens, long secondsLeft) {
        CharSequence reset = WireHeaders.ascii(secondsLeft + "s");
        if (scope.rpm() > 0) {
            headers.set(LIMIT_REQUESTS, WireHeaders.ascii(scope.rpm()));
            headers.set(REMAINING_REQUESTS, WireHeaders.ascii(Math.max(0, scope.rpm() - requests)));
            headers.set(RESET_REQUESTS, reset);
        }
        if (scope.tpm() > 0) {
            headers.set(LIMIT_TOKENS, WireHeaders.ascii(scope.tpm()));
            headers.set(REMAINING_TOKENS, WireHeaders.ascii(Math.max(0, scope.tpm() - tokens)));
            headers.set(RESET_TOKENS, reset);
        }
    }
}
