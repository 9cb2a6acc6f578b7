package dev.ingate.limits;

/** The fixed one-minute windows rate limits count in, aligned to the clock's minutes (UTC). */
final class RateWindows {

    static final long MINUTE = 60_000;

    private RateWindows() {
    }

    static long start(long nowMillis) {
        return nowMillis - Math.floorMod(nowMillis, MINUTE);
    }

    /** Whole seconds until the window ends, at least 1: what Retry-After says. */
    static long secondsLeft(long windowStart, long nowMillis) {
        return Math.max(1, (windowStart + MINUTE - nowMillis + 999) / 1000);
    }
}
