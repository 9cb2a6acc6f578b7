package dev.ingate.limits;

import io.vertx.core.Future;

import java.util.List;

/**
 * Counts requests and tokens per scope in fixed one-minute windows aligned to the clock's minutes: in window
 * {@code m} (epoch millis / 60000) at most {@code rpm} requests are let through, exactly that many when that many
 * come. Admission is all-or-nothing over the scopes of one request.
 */
interface RateLimiter {

    /**
     * Counts one request and reserves {@code tokens} in each scope's window, unless a scope's limit would be passed:
     * requests over {@code rpm}, or the tokens already counted plus {@code tokens} over {@code tpm}.
     */
    Future<Admission> admit(List<RateScope> scopes, long windowStart, long tokens);

    /** Corrects a reservation by {@code delta} tokens (recorded minus reserved) in the window it was made in. */
    void settle(List<RateScope> scopes, long windowStart, long delta);
}
