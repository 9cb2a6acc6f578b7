package dev.ingate.limits;

/**
 * What a limiter said about one request: let through or not, and the counts of the current window after it (or,
 * when refused, as they stood), one per scope in the order asked.
 *
 * @param refusedBy the index of the scope that refused, -1 when allowed
 * @param requests  requests counted in each scope's window
 * @param tokens    tokens counted (reserved or recorded) in each scope's window
 * @param counter   the limiter that counted it, which is the one to settle with
 */
record Admission(int refusedBy, boolean byTokens, long windowStartMillis, long[] requests, long[] tokens, RateLimiter counter) {

    boolean allowed() {
        return refusedBy < 0;
    }

    static Admission allowed(long windowStart, long[] requests, long[] tokens, RateLimiter counter) {
        return new Admission(-1, false, windowStart, requests, tokens, counter);
    }

    static Admission refused(int scope, boolean byTokens, long windowStart, long[] requests, long[] tokens, RateLimiter counter) {
        return new Admission(scope, byTokens, windowStart, requests, tokens, counter);
    }

    /** The scope the response headers describe: the one that refused, else the first (the key's, when it is limited). */
    int shownScope() {
        return allowed() ? 0 : refusedBy;
    }
}
